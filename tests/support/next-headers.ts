import { currentRequest } from "./request-context";

export async function cookies() {
  const jar = currentRequest().cookies;
  return {
    get: (name: string) => jar.get(name),
    getAll: () => [...jar.values()],
    has: (name: string) => jar.has(name),
    set: (name: string, value: string) => void jar.set(name, { name, value }),
    delete: (name: string) => void jar.delete(name),
  };
}

export async function headers() {
  return currentRequest().headers;
}
