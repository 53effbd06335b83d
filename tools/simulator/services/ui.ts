// Ui: developers.google.com/apps-script/reference/base/ui
// UiHost lives with the open spreadsheet window and records what scripts showed; the Ui object
// scripts get from SpreadsheetApp.getUi() is created per execution with createUi.

import type { Execution } from '../kernel';

export interface MenuItemRecord {
  readonly caption: string;
  readonly functionName: string;
  /** The submenu caption when the item sits in a submenu. */
  readonly submenu?: string;
}

export interface MenuRecord {
  /** The menu's caption; an add-on menu is captioned with the project title. */
  readonly menu: string;
  /** 'menubar' for createMenu, 'extensions' for createAddonMenu (Extensions → project title). */
  readonly location: 'menubar' | 'extensions';
  readonly items: readonly MenuItemRecord[];
  /** Items and separators in display order ('---' for a separator). */
  readonly layout: readonly string[];
}

export interface ShownHtml {
  readonly title: string;
  readonly content: string;
  readonly output: unknown;
  readonly atMs: number;
}

export interface DialogRecord extends ShownHtml {
  readonly modal: boolean;
}

export interface AlertRecord {
  readonly title: string;
  readonly prompt: string;
  readonly buttons: string;
  readonly answer: string;
  readonly atMs: number;
}

export interface PromptRecord extends AlertRecord {
  readonly responseText: string;
}

/** developers.google.com/apps-script/reference/base/button */
export const Button = Object.freeze({
  CLOSE: 'CLOSE',
  OK: 'OK',
  CANCEL: 'CANCEL',
  YES: 'YES',
  NO: 'NO',
});
/** developers.google.com/apps-script/reference/base/button-set */
export const ButtonSet = Object.freeze({
  OK: 'OK',
  OK_CANCEL: 'OK_CANCEL',
  YES_NO: 'YES_NO',
  YES_NO_CANCEL: 'YES_NO_CANCEL',
});

export class UiHost {
  readonly menus: MenuRecord[] = [];
  readonly sidebars: ShownHtml[] = [];
  readonly dialogs: DialogRecord[] = [];
  readonly alerts: AlertRecord[] = [];
  readonly prompts: PromptRecord[] = [];
  private readonly alertAnswers: string[] = [];
  private readonly promptAnswers: { text: string; button: string }[] = [];

  constructor(readonly projectTitle: string) {}

  /** Queues the buttons a person will press on the next alerts (default: OK, or YES for yes/no sets). */
  answerAlerts(...buttons: string[]): void {
    this.alertAnswers.push(...buttons);
  }

  /** Queues what a person will type and press on the next prompts. */
  answerPrompts(...answers: { text: string; button?: string }[]): void {
    for (const a of answers) this.promptAnswers.push({ text: a.text, button: a.button ?? 'OK' });
  }

  /** The menu a person sees under a caption, if any. */
  menu(caption: string): MenuRecord | undefined {
    return this.menus.find((m) => m.menu === caption);
  }

  /** Records a menu; adding a menu with the same caption again replaces it (as a reload does). */
  addMenu(record: MenuRecord): void {
    const i = this.menus.findIndex((m) => m.menu === record.menu && m.location === record.location);
    if (i >= 0) this.menus.splice(i, 1, record);
    else this.menus.push(record);
  }

  nextAlertAnswer(buttons: string): string {
    return this.alertAnswers.shift() ?? defaultButton(buttons);
  }

  nextPromptAnswer(buttons: string): { text: string; button: string } {
    return this.promptAnswers.shift() ?? { text: '', button: defaultButton(buttons) };
  }
}

function defaultButton(buttons: string): string {
  return buttons.startsWith('YES') ? Button.YES : Button.OK;
}

function readHtml(output: unknown): { title: string; content: string } {
  const call = (name: string): string => {
    if (typeof output === 'object' && output !== null && name in output) {
      const fn = (output as Record<string, unknown>)[name];
      if (typeof fn === 'function') return String(fn.call(output) ?? '');
    }
    return '';
  };
  return { title: call('getTitle'), content: call('getContent') };
}

/** Menu: developers.google.com/apps-script/reference/base/menu */
function createMenuApi(
  exec: Execution,
  host: UiHost,
  caption: string,
  location: MenuRecord['location'],
): object {
  const items: MenuItemRecord[] = [];
  const layout: string[] = [];
  const menu = {
    // developers.google.com/apps-script/reference/base/menu#addItem(String,String)
    addItem(itemCaption: string, functionName: string): object {
      exec.charge('Menu.addItem');
      items.push({ caption: String(itemCaption), functionName: String(functionName) });
      layout.push(String(itemCaption));
      return menu;
    },
    // developers.google.com/apps-script/reference/base/menu#addSeparator()
    addSeparator(): object {
      exec.charge('Menu.addSeparator');
      layout.push('---');
      return menu;
    },
    // developers.google.com/apps-script/reference/base/menu#addSubMenu(Menu)
    addSubMenu(sub: unknown): object {
      exec.charge('Menu.addSubMenu');
      const record = submenus.get(sub as object);
      if (record) {
        for (const item of record.items) items.push({ ...item, submenu: record.caption });
        layout.push(`${record.caption} ›`);
      }
      return menu;
    },
    // developers.google.com/apps-script/reference/base/menu#addToUi()
    addToUi(): void {
      exec.charge('Menu.addToUi');
      host.addMenu({ menu: caption, location, items: [...items], layout: [...layout] });
    },
    toString: (): string => 'Menu',
  };
  submenus.set(menu, { caption, items });
  return menu;
}

const submenus = new WeakMap<object, { caption: string; items: MenuItemRecord[] }>();

export function createUi(exec: Execution, host: UiHost): object {
  const now = (): number => exec.now();
  return {
    Button,
    ButtonSet,
    // developers.google.com/apps-script/reference/base/ui#createMenu(String)
    createMenu(caption: string): object {
      exec.charge('Ui.createMenu');
      return createMenuApi(exec, host, String(caption), 'menubar');
    },
    // developers.google.com/apps-script/reference/base/ui#createAddonMenu(): shown under Extensions → the project title.
    createAddonMenu(): object {
      exec.charge('Ui.createAddonMenu');
      return createMenuApi(exec, host, host.projectTitle, 'extensions');
    },
    // developers.google.com/apps-script/reference/base/ui#showSidebar(Object)
    showSidebar(output: unknown): void {
      exec.charge('Ui.showSidebar');
      host.sidebars.push({ ...readHtml(output), output, atMs: now() });
    },
    // developers.google.com/apps-script/reference/base/ui#showModalDialog(Object,String)
    showModalDialog(output: unknown, title: string): void {
      exec.charge('Ui.showModalDialog');
      const html = readHtml(output);
      host.dialogs.push({
        content: html.content,
        title: String(title),
        output,
        modal: true,
        atMs: now(),
      });
    },
    // developers.google.com/apps-script/reference/base/ui#showModelessDialog(Object,String)
    showModelessDialog(output: unknown, title: string): void {
      exec.charge('Ui.showModelessDialog');
      const html = readHtml(output);
      host.dialogs.push({
        content: html.content,
        title: String(title),
        output,
        modal: false,
        atMs: now(),
      });
    },
    // developers.google.com/apps-script/reference/base/ui#alert(String,String,ButtonSet): returns the pressed Button.
    alert(a: string, b?: string, c?: string): string {
      exec.charge('Ui.alert');
      const [title, prompt, buttons] = dialogArgs(a, b, c);
      const answer = host.nextAlertAnswer(buttons);
      host.alerts.push({ title, prompt, buttons, answer, atMs: now() });
      return answer;
    },
    // developers.google.com/apps-script/reference/base/ui#prompt(String,String,ButtonSet): returns a PromptResponse.
    prompt(a: string, b?: string, c?: string): object {
      exec.charge('Ui.prompt');
      const [title, prompt, buttons] = dialogArgs(a, b, c, ButtonSet.OK);
      const answer = host.nextPromptAnswer(buttons);
      host.prompts.push({
        title,
        prompt,
        buttons,
        answer: answer.button,
        responseText: answer.text,
        atMs: now(),
      });
      return {
        getResponseText: (): string => answer.text,
        getSelectedButton: (): string => answer.button,
        toString: (): string => 'PromptResponse',
      };
    },
    toString: (): string => 'Ui',
  };
}

/** alert(prompt), alert(prompt, buttons), alert(title, prompt, buttons). */
function dialogArgs(
  a: string,
  b?: string,
  c?: string,
  fallback: string = ButtonSet.OK,
): [string, string, string] {
  if (c !== undefined) return [String(a), String(b), String(c)];
  if (b !== undefined && b in ButtonSet) return ['', String(a), String(b)];
  if (b !== undefined) return [String(a), String(b), fallback];
  return ['', String(a), fallback];
}
