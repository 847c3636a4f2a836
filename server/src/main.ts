import { fileURLToPath } from 'node:url';
import { startApp } from './app.ts';
import { configFromEnv } from './config.ts';
import { demoBanner } from './seed/seedDemo.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

try {
  const config = configFromEnv(process.env, root);
  const app = await startApp(config);
  console.log(`Cofacture listening on ${app.url}`);
  console.log(`Data in ${config.dataDir}`);
  if (config.seedDemo) console.log(demoBanner(app.url));
  const stop = async (signal: string) => {
    console.log(`${signal}: closing connections and the database…`);
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
} catch (error) {
  console.error(`Cofacture could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
