import { createTheme, type MantineColorsTuple } from '@mantine/core';

/** A deep, calm blue: trustworthy, and it stays legible on the showroom's bright screens. */
const autohausBlue: MantineColorsTuple = [
  '#eaf0fd',
  '#d3ddf5',
  '#a5b9e8',
  '#7493dc',
  '#4b73d1',
  '#325fcb',
  '#2454c9',
  '#1645b2',
  '#0d3c9f',
  '#00338d',
];

export const theme = createTheme({
  primaryColor: 'autohaus',
  primaryShade: { light: 7, dark: 5 },
  colors: { autohaus: autohausBlue },
  defaultRadius: 'md',
  cursorType: 'pointer',
  fontFamily:
    'Inter, "Segoe UI", system-ui, -apple-system, BlinkMacSystemFont, Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '650' },
  components: {
    // A badge is one short word or two: in a narrow table column it must take its room, never end in "…".
    Badge: { styles: { root: { flexShrink: 0, minWidth: 'max-content', overflow: 'visible' } } },
    Button: { defaultProps: { fw: 600 } },
    // A closed select's options are not in the page: kept there hidden, every select on a screen would lay out and
    // position its list while the screen loads.
    Combobox: { defaultProps: { keepMounted: false } },
    Modal: { defaultProps: { centered: true, overlayProps: { backgroundOpacity: 0.45, blur: 2 } } },
    Table: { defaultProps: { verticalSpacing: 'sm', highlightOnHover: true } },
    Tooltip: { defaultProps: { openDelay: 300 } },
  },
});
