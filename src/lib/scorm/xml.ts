/**
 * A tiny, strict XML reader for the manifests this project writes (and tests read back): checks
 * well-formedness (one root, matched tags, quoted unique attributes, known entities, no stray
 * `<` or `&`) and returns the element tree. No DTDs, no CDATA, no namespaces resolution — the
 * manifests use none of them, and meeting one is reported as an error rather than guessed at.
 */

export interface XmlElement {
	name: string;
	attrs: Record<string, string>;
	children: XmlElement[];
	/** Text directly inside the element, entities decoded, concatenated. */
	text: string;
}

export class XmlError extends Error {
	/** Character offset of the problem in the source. */
	readonly offset: number;
	constructor(message: string, offset: number) {
		super(`${message} (offset ${offset})`);
		this.name = 'XmlError';
		this.offset = offset;
	}
}

const NAME = /[A-Za-z_][A-Za-z0-9._:-]*/y;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(raw: string, at: number): string {
	return raw.replace(/&([^;]*);|&/g, (m, body: string | undefined, i: number) => {
		if (body === undefined) throw new XmlError('Bare "&"', at + i);
		if (Object.hasOwn(ENTITIES, body)) return ENTITIES[body];
		const num = /^#(x[0-9a-fA-F]+|[0-9]+)$/.exec(body);
		if (num) return String.fromCodePoint(num[1].startsWith('x') ? parseInt(num[1].slice(1), 16) : Number(num[1]));
		throw new XmlError(`Unknown entity "${m}"`, at + i);
	});
}

/** Parses an XML document; throws `XmlError` when it is not well-formed. */
export function parseXml(source: string): XmlElement {
	let i = 0;
	const s = source.replace(/^\uFEFF/, '');
	const skipSpace = () => {
		while (i < s.length && /\s/.test(s[i])) i += 1;
	};
	const name = (): string => {
		NAME.lastIndex = i;
		const m = NAME.exec(s);
		if (!m) throw new XmlError('Name expected', i);
		i += m[0].length;
		return m[0];
	};
	const misc = () => {
		for (;;) {
			skipSpace();
			if (s.startsWith('<!--', i)) {
				const end = s.indexOf('-->', i + 4);
				if (end < 0) throw new XmlError('Unclosed comment', i);
				if (s.slice(i + 4, end).includes('--')) throw new XmlError('"--" inside a comment', i);
				i = end + 3;
			} else if (s.startsWith('<?', i) && !s.startsWith('<?xml', i)) {
				const end = s.indexOf('?>', i);
				if (end < 0) throw new XmlError('Unclosed processing instruction', i);
				i = end + 2;
			} else return;
		}
	};
	const element = (): XmlElement => {
		if (s[i] !== '<') throw new XmlError('"<" expected', i);
		i += 1;
		const el: XmlElement = { name: name(), attrs: {}, children: [], text: '' };
		for (;;) {
			const before = i;
			skipSpace();
			if (s.startsWith('/>', i)) {
				i += 2;
				return el;
			}
			if (s[i] === '>') {
				i += 1;
				break;
			}
			if (i === before) throw new XmlError('Space expected before an attribute', i);
			const attr = name();
			skipSpace();
			if (s[i] !== '=') throw new XmlError(`"=" expected after ${attr}`, i);
			i += 1;
			skipSpace();
			const q = s[i];
			if (q !== '"' && q !== "'") throw new XmlError(`Quoted value expected for ${attr}`, i);
			const end = s.indexOf(q, i + 1);
			if (end < 0) throw new XmlError(`Unclosed value of ${attr}`, i);
			const raw = s.slice(i + 1, end);
			if (raw.includes('<')) throw new XmlError(`"<" inside the value of ${attr}`, i);
			if (Object.hasOwn(el.attrs, attr)) throw new XmlError(`Attribute ${attr} repeated`, i);
			el.attrs[attr] = decode(raw, i + 1);
			i = end + 1;
		}
		for (;;) {
			const lt = s.indexOf('<', i);
			if (lt < 0) throw new XmlError(`Element ${el.name} not closed`, i);
			const text = s.slice(i, lt);
			if (text.includes(']]>')) throw new XmlError('"]]>" in text', i);
			el.text += decode(text, i);
			i = lt;
			if (s.startsWith('</', i)) {
				i += 2;
				const closing = name();
				if (closing !== el.name) throw new XmlError(`</${closing}> closes <${el.name}>`, i);
				skipSpace();
				if (s[i] !== '>') throw new XmlError('">" expected', i);
				i += 1;
				return el;
			}
			if (s.startsWith('<!--', i)) {
				misc();
				continue;
			}
			if (s.startsWith('<!', i) || s.startsWith('<?', i)) throw new XmlError('Unsupported markup', i);
			el.children.push(element());
		}
	};
	if (s.startsWith('<?xml', 0)) {
		const end = s.indexOf('?>');
		if (end < 0) throw new XmlError('Unclosed XML declaration', 0);
		if (!/^<\?xml\s+version=(["'])1\.[0-9]\1(\s+encoding=(["'])[A-Za-z][A-Za-z0-9._-]*\3)?(\s+standalone=(["'])(yes|no)\5)?\s*$/.test(s.slice(0, end))) {
			throw new XmlError('Malformed XML declaration', 0);
		}
		i = end + 2;
	}
	misc();
	if (s.startsWith('<!', i)) throw new XmlError('Unsupported markup', i);
	const root = element();
	misc();
	if (i < s.length) throw new XmlError('Content after the root element', i);
	return root;
}

/** Every descendant element named `name`, in document order. */
export function findAll(root: XmlElement, name: string): XmlElement[] {
	const out: XmlElement[] = [];
	const walk = (el: XmlElement) => {
		for (const c of el.children) {
			if (c.name === name) out.push(c);
			walk(c);
		}
	};
	walk(root);
	return out;
}
