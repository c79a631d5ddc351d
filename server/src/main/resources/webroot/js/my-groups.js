// The groups this device is a member of: {groupId, memberId, name, token} each, so the start page can
// list them and the group's page (and a meeting of the group) can ask the server with the token. The
// token never goes into a URL.

const KEY = 'ivp.groups';

export function all() {
  try {
    const list = JSON.parse(localStorage.getItem(KEY));
    return Array.isArray(list) ? list.filter((g) => g?.groupId && g?.token) : [];
  } catch {
    return [];
  }
}

export function find(groupId) {
  return all().find((g) => g.groupId === groupId) ?? null;
}

/** Adds the group or replaces what this device knew of it (a fresh token, a new name). */
export function remember(group) {
  const others = all().filter((g) => g.groupId !== group.groupId);
  const known = find(group.groupId) ?? {};
  localStorage.setItem(KEY, JSON.stringify([...others, { ...known, ...group }]));
}

export function forget(groupId) {
  localStorage.setItem(KEY, JSON.stringify(all().filter((g) => g.groupId !== groupId)));
}
