"use client";
// The state every form dialog keeps: whether it is open, the error above the form, and a fresh form
// at each opening. And a guard for forms that move money: a second submit while the first is on its
// way is dropped, even before the button disables itself, and a submit whose answer never arrives
// (the connection dropped) says so in the form instead of failing silently.
import { useRef, useState } from "react";

export const useFormDialog = ({ onOpen }: { onOpen: () => void }) => {
  const [open, setOpen] = useState(false);
  const [formError, setFormError] = useState<string>();

  const onOpenChange = (next: boolean) => {
    if (next) {
      onOpen();
      setFormError(undefined);
    }
    setOpen(next);
  };

  return { open, setOpen, formError, setFormError, onOpenChange };
};

export const useSingleSubmit = (
  submit: (event: React.FormEvent<HTMLFormElement>) => Promise<void>,
  /** Called when the request failed without an answer: the form should say what to do next. */
  onLost: () => void,
) => {
  const inFlight = useRef(false);
  return async (event: React.FormEvent<HTMLFormElement>) => {
    if (inFlight.current) {
      event.preventDefault();
      return;
    }
    inFlight.current = true;
    try {
      await submit(event);
    } catch {
      onLost();
    } finally {
      inFlight.current = false;
    }
  };
};
