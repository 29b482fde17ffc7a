import { test } from 'node:test';
import assert from 'node:assert/strict';
import { attachmentName, isVaultPath, looksLikeImage, markdownSafePath, sniffImage } from '../../../renderer/notes/image-files.ts';

const bytes = (...values: number[]) => new Uint8Array([...values, 0, 0, 0, 0, 0, 0, 0, 0]);

test('a picture is known by its bytes, whatever its name claims; an SVG or a text file is not a picture', () => {
  assert.equal(sniffImage(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)), 'png');
  assert.equal(sniffImage(bytes(0xff, 0xd8, 0xff, 0xe0)), 'jpeg');
  assert.equal(sniffImage(new TextEncoder().encode('GIF89a......')), 'gif');
  assert.equal(sniffImage(new TextEncoder().encode('GIF87a......')), 'gif');
  assert.equal(sniffImage(new TextEncoder().encode('RIFF\0\0\0\0WEBPVP8 ')), 'webp');
  assert.equal(sniffImage(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>')), null);
  assert.equal(sniffImage(new TextEncoder().encode('RIFF\0\0\0\0WAVEfmt ')), null, 'a WAV sound is RIFF too');
  assert.equal(sniffImage(new Uint8Array()), null);
});

test('a file meant as a picture is recognised by its type or its name, SVG included (so its refusal can be reported)', () => {
  assert.equal(looksLikeImage(new File([], 'diagram.svg')), true);
  assert.equal(looksLikeImage(new File([], 'Screenshot', { type: 'image/png' })), true);
  assert.equal(looksLikeImage(new File([], 'Photo.JPG')), true);
  assert.equal(looksLikeImage(new File([], 'notes.txt', { type: 'text/plain' })), false);
});

test('a saved picture keeps its name, without folders or characters a file system refuses, with the extension of what it really is', () => {
  assert.equal(attachmentName('My photo (1).JPEG', 'jpeg'), 'My photo (1).jpeg');
  assert.equal(attachmentName('../x/evil<>:"|?*.png', 'png'), 'evil.png');
  assert.equal(attachmentName('C:\\Users\\me\\scan.png', 'jpeg'), 'scan.jpg', 'JPEG bytes named .png get .jpg');
  assert.equal(attachmentName('noextension', 'webp'), 'noextension.webp');
  assert.equal(attachmentName(`${'a'.repeat(150)}.gif`, 'gif'), `${'a'.repeat(100)}.gif`);
});

test('a pasted screenshot (every browser calls it image.png) or a nameless file gets a dated name', () => {
  assert.match(attachmentName('image.png', 'png'), /^pasted-image-\d{8}-\d{6}\.png$/);
  assert.match(attachmentName('IMAGE.PNG', 'png'), /^pasted-image-\d{8}-\d{6}\.png$/);
  assert.match(attachmentName('', 'jpeg'), /^pasted-image-\d{8}-\d{6}\.jpg$/);
});

test('a vault path written into Markdown stays one link destination: spaces, brackets and % are encoded, letters are not', () => {
  assert.equal(markdownSafePath('attachments/My photo (1) 50%.png'), 'attachments/My%20photo%20%281%29%2050%25.png');
  assert.equal(markdownSafePath('attachments/[draft] #2?.png'), 'attachments/%5Bdraft%5D%20%232%3F.png');
  assert.equal(markdownSafePath('attachments/été à Hà Nội.png'), 'attachments/été%20à%20Hà%20Nội.png');
  assert.equal(markdownSafePath('attachments/a\u00a0b.png'), 'attachments/a%C2%A0b.png', 'a no-break space too');
});

test('only a path inside the vault is an image the note may show; web, data, file and absolute addresses are not', () => {
  assert.equal(isVaultPath('attachments/x.png'), true);
  assert.equal(isVaultPath(' attachments/My%20photo.png '), true);
  for (const outside of ['https://example.org/y.png', '//example.org/y.png', 'data:image/png;base64,AAAA', 'file:///etc/x.png', 'blob:abc', '/abs.png', '\\\\server\\x.png', '', '  ', '../../etc/x.png', 'attachments/%2e%2e/x.png', 'attachments/%E0%A4%A.png']) {
    assert.equal(isVaultPath(outside), false, outside);
  }
});
