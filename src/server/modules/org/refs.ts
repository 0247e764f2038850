/** A colleague as a list shows them: "Nachname, Vorname", the order customers have in lists too. */
export function listRef(
  users: Map<string, { id: string; listName: string }>,
  id: string | null,
): { id: string; displayName: string } | null {
  const user = id ? users.get(id) : undefined;
  return user ? { id: user.id, displayName: user.listName } : null;
}
