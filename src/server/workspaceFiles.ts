/**
 * The other files of the workspace the checker may read while it checks one document: result-code
 * coverage follows a JKOPay client imported from a relative module (`import { jkopay } from
 * './jkopay'`). The editor's open version of a file comes first, else the file on disk; only files
 * inside a workspace folder, regular, and of at most 1 MB are read, so a hostile import
 * (`'../../../etc/passwd'`, a FIFO, a huge file) reads nothing.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { FileReader } from '../core';
import { filePath } from './projectScopes';

const MAX_BYTES = 1024 * 1024;

export function workspaceFileReader(open: (uri: string) => TextDocument | undefined, folders: () => readonly string[]): FileReader {
  return (uri) => {
    const document = open(uri);
    if (document) return document.getText();
    const file = filePath(uri);
    if (!file || !folders().some((folder) => file.startsWith(folder + path.sep))) return undefined;
    return readSmallRegularFile(file);
  };
}

/**
 * A regular file's text, when it is one and small; undefined otherwise. Opened without following a
 * link or blocking (a FIFO or a device put where the file was is refused on the handle, not waited on).
 */
export function readSmallRegularFile(file: string): string | undefined {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK | fs.constants.O_NOFOLLOW);
    const stat = fs.fstatSync(fd);
    if (!stat.isFile() || stat.size > MAX_BYTES) return undefined;
    return fs.readFileSync(fd, 'utf8');
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
