import { Panels } from '../panels/Panels';

/** The column beside the view: the current step's panels. */
export function SidePane() {
  return <Panels />;
}
