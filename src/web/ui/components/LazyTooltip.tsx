import { Tooltip, type TooltipProps } from '@mantine/core';
import { cloneElement, useState, type FocusEvent, type MouseEvent, type ReactElement } from 'react';

type Handlers = {
  onMouseEnter?: (event: MouseEvent) => void;
  onFocus?: (event: FocusEvent) => void;
};

/**
 * Mantine's Tooltip, set up only once the pointer reaches its element (or the focus, where the
 * tooltip opens on focus too). A tooltip is a floating element with its own positioning hooks;
 * a record shows a dozen of them and hardly any is ever hovered, so they no longer slow its first
 * render. The first hover opens the tooltip at once, as the pointer is already there.
 */
export function LazyTooltip({ children, ...props }: TooltipProps & { children: ReactElement<Handlers> }) {
  const [armed, setArmed] = useState(false);
  if (armed)
    return (
      <Tooltip {...props} defaultOpened>
        {children}
      </Tooltip>
    );
  const own = children.props;
  return cloneElement(children, {
    onMouseEnter: (event: MouseEvent) => {
      own.onMouseEnter?.(event);
      setArmed(true);
    },
    onFocus: (event: FocusEvent) => {
      own.onFocus?.(event);
      if (props.events?.focus) setArmed(true);
    },
  });
}
