import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { readLang } from './i18n';
import './styles.css';

const lang = readLang(window.location.search);
document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App lang={lang} />
  </StrictMode>,
);
