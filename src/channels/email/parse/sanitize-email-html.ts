import sanitizeHtml from 'sanitize-html';

export type SanitizedHtml = { html: string; hasRemoteImages: boolean };

const words = (list: string) => list.trim().split(/\s+/);

const ALLOWED_TAGS = words(`
  p br div span b strong i em u s strike small sub sup font center a ul ol li blockquote pre code
  h1 h2 h3 h4 h5 h6 hr img table thead tbody tfoot tr td th caption
`);

// Dropped with their text: nothing in them is something the customer wrote for a human to read.
const DROPPED_WITH_CONTENT = words(`
  script style textarea option xmp title head noscript template noembed noframes iframe object svg math
  select
`);

const CELL = ['align', 'valign', 'colspan', 'rowspan', 'width', 'height'];
const ALLOWED_ATTRIBUTES = {
  a: ['href', 'title', 'rel', 'target'],
  img: ['src', 'alt', 'title', 'width', 'height', 'data-blocked-src'],
  font: ['color', 'size', 'face'],
  table: ['align', 'width', 'border', 'cellpadding', 'cellspacing'],
  td: CELL,
  th: CELL,
  ol: ['start', 'type'],
  '*': ['style', 'dir', 'lang', 'align'],
};

// A tiny style subset, every value anchored: no url(), expression() or anything else that fetches or runs.
const COLOR = [/^#[0-9a-f]{3,8}$/i, /^rgba?\(\s*[\d.%\s,/]+\)$/i, /^[a-z]{3,20}$/i];
const ALLOWED_STYLES = {
  '*': {
    color: COLOR,
    'background-color': COLOR,
    'font-weight': [/^(normal|bold|bolder|lighter|[1-9]00)$/i],
    'font-style': [/^(normal|italic|oblique)$/i],
    'text-decoration': [/^(none|underline|line-through|overline)$/i],
    'text-align': [/^(left|right|center|justify|start|end)$/i],
  },
};

const LINK_REL = 'noopener noreferrer nofollow';
const LINK = /^(https?:\/\/|mailto:)/i;
const SAFE_DATA_IMAGE = /^data:image\/(png|jpeg|gif|webp)[;,]/i;
const REMOTE_URL = /^(https?:)?\/\//i;

type ImageSource = { src: string } | { blocked: string } | null;

function isHttpUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/** Where an <img> may load from: inline parts and small data images always, remote URLs on request. */
function imageSource(attribs: sanitizeHtml.Attributes, allowRemote: boolean): ImageSource {
  const src = (attribs.src ?? '').trim();
  if (/^cid:/i.test(src) || SAFE_DATA_IMAGE.test(src)) return { src };
  // An image blocked by an earlier pass keeps its URL in data-blocked-src, so sanitizing twice is stable.
  const remote = REMOTE_URL.test(src) ? src : (attribs['data-blocked-src'] ?? '').trim();
  const url = remote.startsWith('//') ? `https:${remote}` : remote;
  if (!isHttpUrl(url)) return null;
  return allowRemote ? { src: url } : { blocked: url };
}

/**
 * Email HTML reduced to an allow-list of formatting: no scripts, event handlers, forms, frames or
 * styles that load anything; links only http(s)/mailto, opened in a new tab without referrer; remote
 * images blocked (their URL kept in `data-blocked-src`) unless `allowRemoteImages`. Never throws.
 */
export function sanitizeEmailHtml(
  html: string,
  options: { allowRemoteImages?: boolean } = {},
): SanitizedHtml {
  let hasRemoteImages = false;
  const allowRemote = options.allowRemoteImages ?? false;
  try {
    const clean = sanitizeHtml(typeof html === 'string' ? html : String(html ?? ''), {
      allowedTags: ALLOWED_TAGS,
      allowedAttributes: ALLOWED_ATTRIBUTES,
      allowedStyles: ALLOWED_STYLES,
      allowedSchemes: ['http', 'https', 'mailto'],
      allowedSchemesByTag: { img: ['http', 'https', 'cid', 'data'] },
      allowProtocolRelative: false,
      disallowedTagsMode: 'discard',
      nonTextTags: DROPPED_WITH_CONTENT,
      // An image left with nothing to show (src=x, javascript:, svg) is dropped.
      exclusiveFilter: (frame) =>
        frame.tag === 'img' && !frame.attribs.src && !frame.attribs['data-blocked-src'],
      transformTags: {
        a: (tagName, { href, ...attribs }) => {
          // Only absolute http(s) and mailto links: a relative one would point into the admin app.
          const link = href?.trim() ?? '';
          const kept: sanitizeHtml.Attributes = LINK.test(link) ? { href: link } : {};
          return { tagName, attribs: { ...attribs, ...kept, rel: LINK_REL, target: '_blank' } };
        },
        img: (tagName, attribs) => {
          const { src: _src, 'data-blocked-src': _blocked, ...rest } = attribs;
          const source = imageSource(attribs, allowRemote);
          if (source && 'blocked' in source) hasRemoteImages = true;
          if (!source) return { tagName, attribs: rest };
          return 'src' in source
            ? { tagName, attribs: { ...rest, src: source.src } }
            : { tagName, attribs: { ...rest, 'data-blocked-src': source.blocked } };
        },
      },
    });
    return { html: clean.trim(), hasRemoteImages };
  } catch {
    return { html: '', hasRemoteImages: false };
  }
}
