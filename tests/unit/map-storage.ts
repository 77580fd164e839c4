/** A Web Storage stand-in over a Map, for store tests in node (subclass it to make writes fail). */
import type { StorageLike } from '../../src/lib/progress/store';

export class MapStorage implements StorageLike {
	data = new Map<string, string>();
	get length(): number {
		return this.data.size;
	}
	key(i: number): string | null {
		return [...this.data.keys()][i] ?? null;
	}
	getItem(k: string): string | null {
		return this.data.get(k) ?? null;
	}
	setItem(k: string, v: string): void {
		this.data.set(k, String(v));
	}
	removeItem(k: string): void {
		this.data.delete(k);
	}
}

/** Storage the browser refuses outright (site data blocked): every access throws SecurityError. */
export class BlockedStorage implements StorageLike {
	get length(): number {
		throw new DOMException('denied', 'SecurityError');
	}
	key(): string | null {
		throw new DOMException('denied', 'SecurityError');
	}
	getItem(): string | null {
		throw new DOMException('denied', 'SecurityError');
	}
	setItem(): void {
		throw new DOMException('denied', 'SecurityError');
	}
	removeItem(): void {
		throw new DOMException('denied', 'SecurityError');
	}
}
