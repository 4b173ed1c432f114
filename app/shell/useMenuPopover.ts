import { useEffect, useRef, useState, type KeyboardEvent } from 'react';

/**
 * A button that opens a panel, as menus do: a press anywhere else closes it,
 * and Escape closes it with the focus back on the button. The panel opens
 * towards the side with room: leftwards from a button on the right,
 * rightwards from one near the left edge.
 */
export function useMenuPopover() {
  const [open, setOpen] = useState(false);
  const [align, setAlign] = useState<'start' | 'end'>('end');
  const root = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (e: PointerEvent) => {
      if (e.target instanceof Node && !root.current?.contains(e.target)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const openOrClose = () => {
    const rect = toggle.current?.getBoundingClientRect();
    if (!open && rect) setAlign(rect.right < 400 ? 'start' : 'end');
    setOpen(!open);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (e.key !== 'Escape' || !open) return;
    e.stopPropagation();
    setOpen(false);
    toggle.current?.focus();
  };
  return { open, align, root, toggle, openOrClose, onKeyDown };
}
