/**
 * `imsmanifest.xml` for SCORM 1.2 packages (IMS Content Packaging 1.1.2 + ADL CP extensions).
 * Pure: takes the package's items and file list, returns the XML text.
 *
 * - One organization (the default) holding the items in order, each with its mastery score.
 * - One resource per item, `type="webcontent"`, `adlcp:scormtype="sco"`, whose `<file>` list is
 *   the item's page plus every shared file (assets, favicon): the resources together list every
 *   file of the zip except the manifest itself, and list nothing that is not in it.
 * - No `xsi:schemaLocation`: it would name XSD files the package does not ship; LMSs (Moodle
 *   included) read the manifest without them.
 */

export const NS_IMSCP = 'http://www.imsproject.org/xsd/imscp_rootv1p1p2';
export const NS_ADLCP = 'http://www.adlnet.org/xsd/adlcp_rootv1p2';

export interface ManifestItem {
	/** Module id (a slug); item and resource identifiers derive from it. */
	id: string;
	title: string;
	/** Launch page, relative to the package root. */
	href: string;
	/** `adlcp:masteryscore`, 0–100. */
	masteryScore: number;
}

export interface ManifestInput {
	/** Manifest identifier, unique per package (an XML NCName). */
	identifier: string;
	/** Organization title, shown by the LMS. */
	title: string;
	items: readonly ManifestItem[];
	/** Files every item needs besides its page (assets, favicon), relative to the root. */
	sharedFiles: readonly string[];
	/** Package version, as `version` of the manifest. */
	version?: string;
}

const NCNAME = /^[A-Za-z_][A-Za-z0-9._-]*$/;

/** Escapes text and attribute values for XML. */
export function escapeXml(value: string): string {
	return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** A relative path inside the package: no scheme, no leading '/', no '..', no backslash. */
export function isPackagePath(path: string): boolean {
	return path.length > 0 && !/^[a-z][a-z0-9+.-]*:/i.test(path) && !path.startsWith('/') && !path.includes('\\') && !path.split('/').some((s) => s === '..' || s === '.' || s === '');
}

/** Builds the manifest text. Throws on an identifier or path a LMS would reject. */
export function buildManifest(input: ManifestInput): string {
	if (!NCNAME.test(input.identifier)) throw new Error(`Invalid manifest identifier "${input.identifier}"`);
	if (input.items.length === 0) throw new Error('A package holds at least one item');
	const seen = new Set<string>();
	for (const it of input.items) {
		if (!/^[a-z0-9-]{1,80}$/.test(it.id)) throw new Error(`Invalid item id "${it.id}"`);
		if (seen.has(it.id)) throw new Error(`Item "${it.id}" listed twice`);
		seen.add(it.id);
		if (!isPackagePath(it.href)) throw new Error(`Invalid launch path "${it.href}"`);
		if (!Number.isInteger(it.masteryScore) || it.masteryScore < 0 || it.masteryScore > 100) throw new Error(`Invalid mastery score for "${it.id}"`);
	}
	for (const f of input.sharedFiles) if (!isPackagePath(f)) throw new Error(`Invalid file path "${f}"`);
	const e = escapeXml;
	const shared = [...new Set(input.sharedFiles)].sort();
	const items = input.items
		.map(
			(it) =>
				`      <item identifier="item-${it.id}" identifierref="res-${it.id}" isvisible="true">\n` +
				`        <title>${e(it.title)}</title>\n` +
				`        <adlcp:masteryscore>${it.masteryScore}</adlcp:masteryscore>\n` +
				`      </item>`,
		)
		.join('\n');
	const resources = input.items
		.map((it) => {
			const files = [it.href, ...shared.filter((f) => f !== it.href)].map((f) => `      <file href="${e(f)}"/>`).join('\n');
			return `    <resource identifier="res-${it.id}" type="webcontent" adlcp:scormtype="sco" href="${e(it.href)}">\n${files}\n    </resource>`;
		})
		.join('\n');
	return (
		`<?xml version="1.0" encoding="UTF-8"?>\n` +
		`<manifest identifier="${e(input.identifier)}" version="${e(input.version ?? '1')}" xmlns="${NS_IMSCP}" xmlns:adlcp="${NS_ADLCP}">\n` +
		`  <metadata>\n    <schema>ADL SCORM</schema>\n    <schemaversion>1.2</schemaversion>\n  </metadata>\n` +
		`  <organizations default="org-1">\n` +
		`    <organization identifier="org-1">\n` +
		`      <title>${e(input.title)}</title>\n` +
		`${items}\n` +
		`    </organization>\n` +
		`  </organizations>\n` +
		`  <resources>\n${resources}\n  </resources>\n` +
		`</manifest>\n`
	);
}
