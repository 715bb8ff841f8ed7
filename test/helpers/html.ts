/** Reads rendered pages with workerd's own HTML parser (HTMLRewriter), not with regexes. */

export interface Found {
  attrs: Record<string, string>;
  /** Text content, entities decoded, whitespace collapsed. */
  text: string;
}

function decode(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
}

export async function select(html: string, selector: string): Promise<Found[]> {
  const found: { attrs: Record<string, string>; raw: string }[] = [];
  const open: { attrs: Record<string, string>; raw: string }[] = [];
  await new HTMLRewriter()
    .on(selector, {
      element(el) {
        const item = { attrs: Object.fromEntries(el.attributes), raw: "" };
        found.push(item);
        open.push(item);
        if (!el.removed) {
          try {
            el.onEndTag(() => {
              open.splice(open.indexOf(item), 1);
            });
          } catch {
            open.splice(open.indexOf(item), 1);
          }
        }
      },
      text(chunk) {
        for (const item of open) item.raw += chunk.text;
      },
    })
    .transform(new Response(html))
    .text();
  return found.map((f) => ({ attrs: f.attrs, text: decode(f.raw).replace(/\s+/g, " ").trim() }));
}

export async function texts(html: string, selector: string): Promise<string[]> {
  return (await select(html, selector)).map((f) => f.text);
}

/** The value of a hidden or text input on a page. */
export async function inputValue(html: string, name: string): Promise<string | undefined> {
  return (await select(html, `[name="${name}"]`))[0]?.attrs.value;
}
