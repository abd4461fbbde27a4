import {
  useCallback,
  useId,
  useMemo,
  useRef,
  useState,
  type FocusEvent,
  type KeyboardEvent,
  type MouseEvent,
} from 'react';

/** The citation whose details are open: the turn and the citation's number. */
export interface OpenCitation {
  turnId: string;
  number: number;
}

/** Attributes and handlers for a citation chip (an inline `[n]` marker, or a source in the list under an answer). */
export interface CitationChipProps {
  id: string;
  type: 'button';
  'aria-expanded': boolean;
  'aria-controls': string;
  onClick: (event: MouseEvent<HTMLButtonElement>) => void;
  onMouseDown: () => void;
  onFocus: () => void;
  onKeyDown: (event: KeyboardEvent<HTMLElement>) => void;
}

/** Attributes and handlers for the element around a chip and its details (closes them when focus leaves it). */
export interface CitationAnchorProps {
  onBlur: (event: FocusEvent<HTMLElement>) => void;
  onKeyDown: (event: KeyboardEvent<HTMLElement>) => void;
}

/** Attributes of the details of a citation. */
export interface CitationDetailsProps {
  id: string;
  role: 'group';
  'aria-labelledby': string;
  /** Focusable, so a long passage can be scrolled from the keyboard (and Tab reaches it from the chip). */
  tabIndex: 0;
}

/** Which citation is open, and the prop getters of chips and their details. */
export interface KnowledgeChatCitations {
  open: OpenCitation | undefined;
  isOpen(turnId: string, number: number, where?: CitationPlace): boolean;
  /** Opens a citation's details (`undefined` closes them). */
  setOpen(next: (OpenCitation & { where: CitationPlace }) | undefined): void;
  getChipProps(turnId: string, number: number, where?: CitationPlace): CitationChipProps;
  getAnchorProps(turnId: string, number: number, where?: CitationPlace): CitationAnchorProps;
  getDetailsProps(turnId: string, number: number, where?: CitationPlace): CitationDetailsProps;
}

/** Where a chip is: inline in the answer, or in the list of sources under it. */
export type CitationPlace = 'inline' | 'list';

/**
 * Citation chips that open on click AND on keyboard focus (never on hover only): focus opens a chip's details, a click
 * opens them (or closes them when they were already open), Escape closes them and keeps focus on the chip, and focus
 * leaving the chip and its details closes them. One citation is open at a time.
 */
export function useKnowledgeChatCitations(): KnowledgeChatCitations {
  const [open, setOpenState] = useState<(OpenCitation & { where: CitationPlace }) | undefined>(undefined);
  const base = useId();
  const wasOpenOnPress = useRef<boolean | undefined>(undefined);
  /** Focus given back to a chip after Escape must not open it again. */
  const refocusing = useRef(false);
  const openRef = useRef(open);
  const setOpen = useCallback((next: (OpenCitation & { where: CitationPlace }) | undefined) => {
    openRef.current = next;
    setOpenState(next);
  }, []);

  const ids = useCallback(
    (turnId: string, number: number, where: CitationPlace) => {
      const stem = `${base}-${turnId}-${where}-${number}`;
      return { chip: `${stem}-chip`, details: `${stem}-details` };
    },
    [base],
  );
  const same = (a: (OpenCitation & { where: CitationPlace }) | undefined, turnId: string, n: number, w: string) =>
    a !== undefined && a.turnId === turnId && a.number === n && a.where === w;

  const isOpen = useCallback(
    (turnId: string, number: number, where: CitationPlace = 'inline') => same(open, turnId, number, where),
    [open],
  );

  const getChipProps = useCallback(
    (turnId: string, number: number, where: CitationPlace = 'inline'): CitationChipProps => {
      const { chip, details } = ids(turnId, number, where);
      const target = { turnId, number, where };
      return {
        id: chip,
        type: 'button',
        'aria-expanded': same(open, turnId, number, where),
        'aria-controls': details,
        onMouseDown: () => {
          wasOpenOnPress.current = same(openRef.current, turnId, number, where);
        },
        onFocus: () => {
          if (refocusing.current) {
            refocusing.current = false;
            return;
          }
          if (!same(openRef.current, turnId, number, where)) setOpen(target);
        },
        onClick: () => {
          // A pointer press focuses (which opens) before the click: toggle against the state before the press.
          const wasOpen = wasOpenOnPress.current ?? same(openRef.current, turnId, number, where);
          wasOpenOnPress.current = undefined;
          setOpen(wasOpen ? undefined : target);
        },
        onKeyDown: (event) => {
          if (event.key === 'Escape' && same(openRef.current, turnId, number, where)) {
            event.preventDefault();
            setOpen(undefined);
          }
        },
      };
    },
    [ids, open, setOpen],
  );

  const getAnchorProps = useCallback(
    (turnId: string, number: number, where: CitationPlace = 'inline'): CitationAnchorProps => ({
      onBlur: (event) => {
        const next = event.relatedTarget;
        if (next instanceof Node && event.currentTarget.contains(next)) return;
        if (same(openRef.current, turnId, number, where)) setOpen(undefined);
      },
      onKeyDown: (event) => {
        if (event.key !== 'Escape' || !same(openRef.current, turnId, number, where)) return;
        event.preventDefault();
        setOpen(undefined);
        const chip = document.getElementById(ids(turnId, number, where).chip);
        if (chip && chip !== document.activeElement) {
          refocusing.current = true;
          chip.focus();
          refocusing.current = false;
        }
      },
    }),
    [ids, setOpen],
  );

  const getDetailsProps = useCallback(
    (turnId: string, number: number, where: CitationPlace = 'inline'): CitationDetailsProps => {
      const { chip, details } = ids(turnId, number, where);
      return { id: details, role: 'group', 'aria-labelledby': chip, tabIndex: 0 };
    },
    [ids],
  );

  // One object while nothing opens or closes, so the chips of a streaming answer need not render again.
  return useMemo(
    () => ({ open, isOpen, setOpen, getChipProps, getAnchorProps, getDetailsProps }),
    [open, isOpen, setOpen, getChipProps, getAnchorProps, getDetailsProps],
  );
}
