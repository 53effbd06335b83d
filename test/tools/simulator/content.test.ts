import { Execution } from '../../../tools/simulator/kernel';
import { createContentService, readTextOutput } from '../../../tools/simulator/services/content';

const newExec = () => new Execution({ name: 'doGet', startMs: Date.UTC(2026, 6, 20) });

describe('ContentService', () => {
  test('text output defaults to TEXT; setMimeType(JSON) is reported back and served as application/json', () => {
    const exec = newExec();
    const ContentService = createContentService(exec);
    const out = ContentService.createTextOutput();
    expect(out.getMimeType()).toBe(ContentService.MimeType.TEXT);
    expect(out.getContent()).toBe('');
    const json = ContentService.createTextOutput('{"ok":')
      .append('true}')
      .setMimeType(ContentService.MimeType.JSON);
    expect(json.getMimeType()).toBe(ContentService.MimeType.JSON);
    expect(readTextOutput(json)).toEqual({
      content: '{"ok":true}',
      mimeType: 'JSON',
      contentType: 'application/json',
      fileName: null,
    });
    expect(exec.calls.get('ContentService.createTextOutput')).toBe(2);
    expect(exec.calls.get('TextOutput.setMimeType')).toBe(1);
  });

  test('downloadAsFile sets the file name; getFileName is null before', () => {
    const ContentService = createContentService(newExec());
    const out = ContentService.createTextOutput('a,b').setMimeType(ContentService.MimeType.CSV);
    expect(out.getFileName()).toBeNull();
    out.downloadAsFile('casos.csv');
    expect(out.getFileName()).toBe('casos.csv');
    expect(readTextOutput(out)?.contentType).toBe('text/csv');
  });

  test('an unknown mime type is refused; non-outputs read as null', () => {
    const ContentService = createContentService(newExec());
    const out = ContentService.createTextOutput('x');
    expect(() => out.setMimeType('PDF' as never)).toThrow('Invalid argument: mimeType');
    expect(readTextOutput({ getContent: () => 'x' })).toBeNull();
    expect(out.__textOutput).toBe(true);
  });
});
