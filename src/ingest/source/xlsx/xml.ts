import { SaxesParser } from 'saxes';

export interface XmlHandlers {
  open(name: string, attributes: Record<string, string>): void;
  /** Text and CDATA, entities decoded. */
  text?(text: string): void;
  close(name: string): void;
}

/** The name without its namespace prefix (x:row is row): writers differ in the prefixes they use. */
export function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

/** An attribute by its name without prefix (r:id is id), for the attributes writers prefix as they please. */
export function attribute(attributes: Record<string, string>, name: string): string | undefined {
  const value = attributes[name];
  if (value !== undefined) return value;
  // Cells are read by the million and most lack an attribute or two: no allocation on this path.
  for (const key in attributes) {
    const colon = key.indexOf(':');
    if (colon !== -1 && key.length - colon - 1 === name.length && key.endsWith(name)) return attributes[key];
  }
  return undefined;
}

/** A SAX parser calling `handlers` with the elements' local names. */
export function xmlParser(handlers: XmlHandlers): SaxesParser {
  const parser = new SaxesParser();
  parser.on('opentag', (tag) => handlers.open(localName(tag.name), tag.attributes as Record<string, string>));
  parser.on('closetag', (tag) => handlers.close(localName(tag.name)));
  if (handlers.text) {
    const text = handlers.text;
    parser.on('text', text);
    parser.on('cdata', text);
  }
  return parser;
}

/** Reads a whole part through `handlers`. */
export async function readXml(part: AsyncIterable<string>, handlers: XmlHandlers): Promise<void> {
  const parser = xmlParser(handlers);
  for await (const chunk of part) parser.write(chunk);
  parser.close();
}
