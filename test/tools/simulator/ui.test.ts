// Ui: what the script showed is recorded on the host; alerts answer as scripted.
import { Execution } from '../../../tools/simulator/kernel';
import { createUi, UiHost } from '../../../tools/simulator/services/ui';

type Api = any;

function setup(): { host: UiHost; ui: Api; exec: Execution } {
  const host = new UiHost('Ventanilla PQRSD');
  const exec = new Execution({
    name: 'onOpen',
    startMs: 5_000,
    authMode: 'LIMITED',
    costs: { '*': { baseMs: 0 } },
  });
  return { host, ui: createUi(exec, host), exec };
}

function html(title: string, content: string): object {
  return { getTitle: () => title, getContent: () => content };
}

describe('menus', () => {
  it('records a menu with its items, separators and submenus', () => {
    const { host, ui, exec } = setup();
    const reports = ui.createMenu('Reportes').addItem('Vencidos', 'reporteVencidos');
    ui.createMenu('PQRSD')
      .addItem('Radicar', 'abrirRadicacion')
      .addSeparator()
      .addSubMenu(reports)
      .addToUi();
    expect(host.menus).toEqual([
      {
        menu: 'PQRSD',
        location: 'menubar',
        items: [
          { caption: 'Radicar', functionName: 'abrirRadicacion' },
          { caption: 'Vencidos', functionName: 'reporteVencidos', submenu: 'Reportes' },
        ],
        layout: ['Radicar', '---', 'Reportes ›'],
      },
    ]);
    expect(exec.calls.get('Ui.createMenu')).toBe(2);
    expect(exec.calls.get('Menu.addItem')).toBe(2);
    expect(exec.calls.get('Menu.addToUi')).toBe(1);
  });

  it('puts the add-on menu under Extensions with the project title', () => {
    const { host, ui } = setup();
    ui.createAddonMenu().addItem('Configurar', 'configurar').addToUi();
    expect(host.menus[0]).toMatchObject({ menu: 'Ventanilla PQRSD', location: 'extensions' });
  });

  it('replaces a menu added again (a reload runs onOpen again)', () => {
    const { host, ui } = setup();
    ui.createMenu('PQRSD').addItem('A', 'a').addToUi();
    ui.createMenu('PQRSD').addItem('B', 'b').addToUi();
    expect(host.menus).toHaveLength(1);
    expect(host.menus[0].items).toEqual([{ caption: 'B', functionName: 'b' }]);
  });
});

describe('sidebars and dialogs', () => {
  it('records the HTML shown', () => {
    const { host, ui } = setup();
    ui.showSidebar(html('Radicar PQRSD', '<p>Formulario</p>'));
    ui.showModalDialog(html('', '<p>¿Seguro?</p>'), 'Confirmar');
    expect(host.sidebars.map((s) => [s.title, s.content, s.atMs])).toEqual([
      ['Radicar PQRSD', '<p>Formulario</p>', 5_000],
    ]);
    expect(host.dialogs.map((d) => [d.title, d.content, d.modal])).toEqual([
      ['Confirmar', '<p>¿Seguro?</p>', true],
    ]);
  });
});

describe('alerts and prompts', () => {
  it('answers OK by default and records the alert', () => {
    const { host, ui } = setup();
    expect(ui.alert('Caso guardado')).toBe(ui.Button.OK);
    expect(host.alerts[0]).toMatchObject({
      title: '',
      prompt: 'Caso guardado',
      buttons: 'OK',
      answer: 'OK',
    });
  });

  it('answers with the scripted button', () => {
    const { host, ui } = setup();
    host.answerAlerts('NO');
    expect(ui.alert('Cerrar caso', '¿Cerrar el caso?', ui.ButtonSet.YES_NO)).toBe(ui.Button.NO);
    expect(ui.alert('Otra vez', '¿Seguro?', ui.ButtonSet.YES_NO)).toBe(ui.Button.YES);
    expect(host.alerts.map((a) => [a.title, a.buttons, a.answer])).toEqual([
      ['Cerrar caso', 'YES_NO', 'NO'],
      ['Otra vez', 'YES_NO', 'YES'],
    ]);
  });

  it('answers prompts with scripted text', () => {
    const { host, ui } = setup();
    host.answerPrompts({ text: '2026-000123' });
    const response = ui.prompt('Buscar', 'Número de radicado', ui.ButtonSet.OK_CANCEL);
    expect(response.getResponseText()).toBe('2026-000123');
    expect(response.getSelectedButton()).toBe('OK');
    expect(host.prompts[0]).toMatchObject({ title: 'Buscar', responseText: '2026-000123' });
  });
});
