import { describe, expect, it } from 'vitest';
import { qrSvg, publicUrl } from '../../src/domain/qr.ts';

describe('build-time QR codes', () => {
  it('is an accessible inline SVG with no script', () => {
    const svg = qrSvg('https://school.example/roditelyam/', 'QR-код: страница для родителей');
    expect(svg).toMatch(/^<svg role="img" aria-label="QR-код: страница для родителей" class="qr" /);
    expect(svg).not.toMatch(/<script/i);
  });

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
