import { useCallback, useLayoutEffect, useRef, useState, type RefObject } from 'react';

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
  /** The scroll position the view set itself, so its own scroll events do not unpin. */
  const ownScrollTop = useRef<number | undefined>(undefined);

  const follow = useCallback(() => {
    const element = ref.current;
    if (!element) return;
    element.scrollTop = element.scrollHeight;
    ownScrollTop.current = element.scrollTop;
  }, []);

  useLayoutEffect(() => {
    if (pinnedRef.current) follow();
  }, [version, follow]);

  const onScroll = useCallback(() => {
    const element = ref.current;
    if (!element) return;
    if (ownScrollTop.current !== undefined && Math.abs(element.scrollTop - ownScrollTop.current) < 1) return;
    ownScrollTop.current = undefined;
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
