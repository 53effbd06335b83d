import vm from 'node:vm';
import { Execution } from '../../../tools/simulator/kernel';
import {
  createHtmlService,
  isHtmlOutput,
  readHtmlOutput,
} from '../../../tools/simulator/services/html';

/** A project global scope with an include() helper, as Apps Script projects usually define it. */
function project(files: Record<string, string>) {
  const exec = new Execution({ name: 'showSidebar', startMs: Date.UTC(2026, 6, 20) });
  const context = vm.createContext({});
  const HtmlService = createHtmlService(exec, {
    files: new Map(Object.entries(files)),
    runInProject: (source) => vm.runInContext(source, context),
  });
  context.HtmlService = HtmlService;
  vm.runInContext(
    `function include(name) { return HtmlService.createHtmlOutputFromFile(name).getContent(); }
     var ENTITY = 'Alcaldía';`,
    context,
  );
  return { exec, HtmlService, context };
}

describe('HtmlService templates', () => {
  test('<?= ?> escapes HTML; <?!= ?> prints raw', () => {
    const { HtmlService } = project({});
    const t = HtmlService.createTemplate('<p><?= value ?></p><div><?!= value ?></div>');
    t.value = `<b>"x" & 'y'</b>`;
    expect(t.evaluate().getContent()).toBe(
      `<p>&lt;b&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/b&gt;</p><div><b>"x" & 'y'</b></div>`,
    );
  });

  test('standard scriptlets control flow; template variables and project globals are in scope', () => {
    const { HtmlService } = project({});
    const t = HtmlService.createTemplate(
      '<h1><?= ENTITY ?></h1><? for (var i = 0; i < items.length; i++) { ?><li><?= items[i]; ?></li><? } ?>',
    );
    t.items = ['a', 'b'];
    expect(t.evaluate().getContent()).toBe('<h1>Alcaldía</h1><li>a</li><li>b</li>');
  });

  test("scriptlets call the project's functions (include) through runInProject", () => {
    const { HtmlService } = project({
      Sidebar: '<html><?!= include("Styles") ?><body><?= title ?></body></html>',
      Styles: '<style>p{}</style>',
    });
    const t = HtmlService.createTemplateFromFile('Sidebar');
    t.title = 'PQRSD';
    expect(t.evaluate().getContent()).toBe('<html><style>p{}</style><body>PQRSD</body></html>');
  });

  test('inside <script>, a printing scriptlet writes a quoted JavaScript string', () => {
    const { HtmlService } = project({});
    const t = HtmlService.createTemplate(
      '<script>var n = <?= n ?>; var s = <?= s ?>;</script><p><?= s ?></p>',
    );
    t.n = 3;
    t.s = 'a"</script>';
    expect(t.evaluate().getContent()).toBe(
      '<script>var n = "3"; var s = "a\\"\\u003c/script\\u003e";</script><p>a&quot;&lt;/script&gt;</p>',
    );
  });

  test('output.append is available inside scriptlets; getRawContent and getCode', () => {
    const { HtmlService } = project({});
    const t = HtmlService.createTemplate("a<? output.append('b'); ?>c");
    expect(t.evaluate().getContent()).toBe('abc');
    expect(t.getRawContent()).toBe("a<? output.append('b'); ?>c");
    expect(t.getCode()).toContain("output.append('b');");
  });

  test('evaluate is charged', () => {
    const { HtmlService, exec } = project({});
    HtmlService.createTemplate('x').evaluate();
    expect(exec.calls.get('HtmlService.createTemplate')).toBe(1);
    expect(exec.calls.get('HtmlTemplate.evaluate')).toBe(1);
  });
});

describe('HtmlService files and HtmlOutput', () => {
  test('createHtmlOutputFromFile takes the name with or without .html; a missing file is an error', () => {
    const { HtmlService } = project({ Page: '<p>hola</p>' });
    expect(HtmlService.createHtmlOutputFromFile('Page').getContent()).toBe('<p>hola</p>');
    expect(HtmlService.createHtmlOutputFromFile('Page.html').getContent()).toBe('<p>hola</p>');
    expect(() => HtmlService.createHtmlOutputFromFile('Nope')).toThrow(
      'No HTML file named Nope was found.',
    );
  });

  test('createHtmlOutputFromFile does not run scriptlets', () => {
    const { HtmlService } = project({ Raw: '<?= 1 + 1 ?>' });
    expect(HtmlService.createHtmlOutputFromFile('Raw').getContent()).toBe('<?= 1 + 1 ?>');
  });

  test('setters are readable by the UI host through readHtmlOutput; appendUntrusted escapes', () => {
    const { HtmlService } = project({});
    const out = HtmlService.createHtmlOutput('<p>')
      .append('x</p>')
      .appendUntrusted('<i>')
      .setTitle('Radicar')
      .setWidth(300)
      .setHeight(600)
      .setSandboxMode(HtmlService.SandboxMode.IFRAME)
      .setXFrameOptionsMode(HtmlService.XFrameOptionsMode.ALLOWALL)
      .addMetaTag('viewport', 'width=device-width')
      .setFaviconUrl('https://example.com/f.png');
    expect(out.getTitle()).toBe('Radicar');
    expect(out.getWidth()).toBe(300);
    expect(isHtmlOutput(out)).toBe(true);
    expect(out.__htmlOutput).toBe(true);
    expect(readHtmlOutput(out)).toEqual({
      content: '<p>x</p>&lt;i&gt;',
      title: 'Radicar',
      width: 300,
      height: 600,
      sandboxMode: 'IFRAME',
      xFrameOptionsMode: 'ALLOWALL',
      metaTags: [{ name: 'viewport', content: 'width=device-width' }],
      faviconUrl: 'https://example.com/f.png',
    });
    expect(readHtmlOutput({})).toBeNull();
  });

  test('asTemplate turns an output back into a template', () => {
    const { HtmlService } = project({});
    const t = HtmlService.createHtmlOutput('<?= 2 * 21 ?>').asTemplate();
    expect(t.evaluate().getContent()).toBe('42');
  });
});
