/**
 * Excel escapes characters XML cannot hold as _xHHHH_ (a carriage return is
 * _x000D_), and a literal "_x" that would read as one as _x005F_x.
 */
export function unescapeText(text: string): string {
  return text.includes('_x') ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))) : text;
}

/**
 * A string item's text, shared (<si>) or inline (<is>): its <t>, or the <t>
 * of each of its runs (<r>), without the phonetic readings East Asian Excel
 * adds (<rPh>).
 */
export class StringItem {
  private depthInPhonetic = 0;
  private inText = false;
  private text = '';

  open(name: string): void {
    if (name === 'rPh') this.depthInPhonetic += 1;
    else if (name === 't' && this.depthInPhonetic === 0) this.inText = true;
  }

  append(text: string): void {
    if (this.inText) this.text += text;
  }

  close(name: string): void {
    if (name === 'rPh') this.depthInPhonetic -= 1;
    else if (name === 't') this.inText = false;
  }

  take(): string {
    const text = unescapeText(this.text);
    this.text = '';
    return text;
  }
}
