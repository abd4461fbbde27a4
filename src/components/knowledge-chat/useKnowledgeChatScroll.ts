import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';

/** How close to the bottom (px) still counts as "at the bottom". */
const PIN_SLACK_PX = 32;

/** Attributes and handlers of the scrolling transcript. */
export interface ScrollAreaProps {
  ref: RefObject<HTMLDivElement | null>;
  onScroll: () => void;
  tabIndex: 0;
}

/** Scroll pinning of the transcript. */
export interface KnowledgeChatScroll {
  /** The view follows new text (the user has not scrolled up). */
  pinned: boolean;
  /** Scrolls to the newest text and follows it again. */
  scrollToBottom(): void;
  getScrollAreaProps(): ScrollAreaProps;
}

/**
 * Keeps the transcript pinned to the bottom while an answer grows, unless the user scrolled up; scrolling back down
 * (or `scrollToBottom()`) pins it again. `version` is anything that changes when the content grows.
 */
export function useKnowledgeChatScroll(version: unknown): KnowledgeChatScroll {
  const ref = useRef<HTMLDivElement | null>(null);
  const [pinned, setPinned] = useState(true);
  const pinnedRef = useRef(true);
  /** The view scrolled itself: its scroll event is skipped (without reading the layout the next chunk dirtied). */
  const ownScroll = useRef(false);

  const follow = useCallback(() => {
    const element = ref.current;
    if (!element) return;
    const before = element.scrollTop;
    element.scrollTop = element.scrollHeight;
    if (element.scrollTop !== before) ownScroll.current = true;
  }, []);

  // Scrolled in this frame's animation callbacks, before it paints: reading the new height inside React's commit
  // would force a layout there.
  const frame = useRef<number | undefined>(undefined);
  useLayoutEffect(() => {
    if (!pinnedRef.current || frame.current !== undefined) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = undefined;
      if (pinnedRef.current) follow();
    });
  }, [version, follow]);
  useEffect(
    () => () => {
      if (frame.current !== undefined) cancelAnimationFrame(frame.current);
    },
    [],
  );

  const onScroll = useCallback(() => {
    const element = ref.current;
    if (!element) return;
    if (ownScroll.current) {
      ownScroll.current = false;
      return;
    }
    const atBottom = element.scrollHeight - element.scrollTop - element.clientHeight <= PIN_SLACK_PX;
    if (atBottom !== pinnedRef.current) {
      pinnedRef.current = atBottom;
      setPinned(atBottom);
    }
  }, []);

  const scrollToBottom = useCallback(() => {
    pinnedRef.current = true;
    setPinned(true);
    follow();
  }, [follow]);

  const getScrollAreaProps = useCallback((): ScrollAreaProps => ({ ref, onScroll, tabIndex: 0 }), [onScroll]);

  return { pinned, scrollToBottom, getScrollAreaProps };
}
