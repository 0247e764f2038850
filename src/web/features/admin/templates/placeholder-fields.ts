import { useRef, useState } from 'react';

type Field = 'subject' | 'body';

/**
 * A template's subject and body with "insert placeholder" at the cursor of the field last in
 * focus (over the selection, if any), the cursor then put right after it to keep on typing.
 * Shared by the request-type templates and the customer e-mail texts.
 */
export function usePlaceholderFields(initial: { subject: string; body: string }, withSubject = true) {
  const [subject, setSubject] = useState(initial.subject);
  const [body, setBody] = useState(initial.body);
  const [lastField, setLastField] = useState<Field>('body');
  const subjectRef = useRef<HTMLInputElement>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);

  function insert(placeholder: string) {
    const field = withSubject ? lastField : 'body';
    const element = field === 'subject' ? subjectRef.current : bodyRef.current;
    const value = field === 'subject' ? subject : body;
    const start = element?.selectionStart ?? value.length;
    const end = element?.selectionEnd ?? value.length;
    const token = `{{${placeholder}}}`;
    const next = value.slice(0, start) + token + value.slice(end);
    if (field === 'subject') setSubject(next);
    else setBody(next);
    requestAnimationFrame(() => {
      element?.focus();
      element?.setSelectionRange(start + token.length, start + token.length);
    });
  }

  return { subject, setSubject, body, setBody, setLastField, subjectRef, bodyRef, insert };
}
