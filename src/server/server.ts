/**
 * Entry point of the language server bundle (dist/server.js) that the VS Code client starts
 * over IPC. The transport comes from the command line (`--node-ipc`, `--stdio`, `--socket=N`).
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './startServer';

startServer(createConnection(ProposedFeatures.all));
