import { describe, expect, it } from 'vitest';
import decodeQR from 'qr/decode.js';
import { qrSvg, publicUrl } from '../../src/domain/qr.ts';

/** The code as a camera sees it: the SVG's dark rectangles drawn on white, 4 pixels a module (10 units). */
function photograph(svg: string): { width: number; height: number; data: Uint8Array } {
  const side = Number(/viewBox="0 0 (\d+) \d+"/.exec(svg)?.[1]) * 0.4;
  const data = new Uint8Array(side * side * 4).fill(255);
  for (const [, x, y, width, height] of svg.matchAll(/M(\d+),(\d+)h(\d+)v(\d+)h-\d+z/g)) {
    for (let row = Number(y) * 0.4; row < (Number(y) + Number(height)) * 0.4; row++) {
      for (let column = Number(x) * 0.4; column < (Number(x) + Number(width)) * 0.4; column++) data.fill(0, (row * side + column) * 4, (row * side + column) * 4 + 3);
    }
  }
  return { width: side, height: side, data };
}

describe('build-time QR codes', () => {
  it('is an accessible inline SVG with no script', () => {
    const svg = qrSvg('https://school.example/roditelyam/', 'QR-код: страница для родителей');
    expect(svg).toMatch(/^<svg role="img" aria-label="QR-код: страница для родителей" class="qr" /);
    expect(svg).not.toMatch(/<script/i);
  });

  it.each(['https://school.example/roditelyam/', 'https://sferum.example.ru/podpapka/uchrezhdeniya/novosibirsk-sosh-215/roles/class-teacher/'])(
    'reads back as %s when photographed',
    (url) => {
      expect(decodeQR(photograph(qrSvg(url, 'QR-код')), { format: 'RGBA' })).toBe(url);
    },
  );

  it('encodes different addresses differently and escapes the label', () => {
    expect(qrSvg('https://a.example/x/', 'a')).not.toBe(qrSvg('https://a.example/y/', 'a'));
    expect(qrSvg('https://a.example/', '"><script>')).toContain('aria-label="&quot;>&lt;script>"');
  });

  it('builds the public address under the deploy sub-folder', () => {
    expect(publicUrl('https://school.example/', '/', 'roditelyam/')).toBe('https://school.example/roditelyam/');
    expect(publicUrl('https://school.example/sferum/', '/sferum/', '/roditelyam/')).toBe('https://school.example/sferum/roditelyam/');
    expect(publicUrl('https://school.example/', '/sferum', '//roditelyam/')).toBe('https://school.example/sferum/roditelyam/');
  });

  it('labels the code with the whole text, every «&», «"» and «<» escaped', () => {
    expect(qrSvg('https://a.example/', 'A & B "C" <D> & <E>')).toContain('aria-label="A &amp; B &quot;C&quot; &lt;D> &amp; &lt;E>" class="qr" ');
  });

  it('leaves a quiet zone of two modules around the code, so a phone reads it from paper', () => {
    // This address takes 25×25 modules of 10 px; with two modules either side, 29 × 10 px.
    expect(qrSvg('https://a.example/', 'a')).toMatch(/viewBox="0 0 290 290"/);
  });
});
