/**
 * The command line the Prisma CLI gives its schema engine:
 *   schema-engine [--datamodels FILE]... [--datasource JSON] [--enabled-preview-features A,B]
 *                 [--extension-types JSON] [cli can-connect-to-database|create-database|drop-database]
 */
export interface EngineArguments {
  datamodels: string[];
  datasource: { url?: string; shadowDatabaseUrl?: string } | undefined;
  cliCommand: string | undefined;
}

export class EngineArgumentsError extends Error {
  override readonly name = "EngineArgumentsError";
}

export function parseEngineArguments(argv: readonly string[]): EngineArguments {
  const result: EngineArguments = { datamodels: [], datasource: undefined, cliCommand: undefined };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    switch (flag) {
      case "--datamodels":
      case "-d":
        result.datamodels.push(required(flag, value));
        i++;
        break;
      case "--datasource":
        result.datasource = parseDatasourceJson(required(flag, value));
        i++;
        break;
      case "--enabled-preview-features":
      case "--extension-types":
        // Accepted for compatibility; the WASM engine reads features from the schema.
        required(flag, value);
        i++;
        break;
      case "cli":
        result.cliCommand = required(flag, value);
        i++;
        break;
      case "--version":
      case "-V":
        result.cliCommand = "--version";
        break;
      default:
        throw new EngineArgumentsError(`Unknown schema engine argument: ${flag}`);
    }
  }
  return result;
}

function required(flag: string, value: string | undefined): string {
  if (value === undefined) throw new EngineArgumentsError(`Missing value after ${flag}`);
  return value;
}

function parseDatasourceJson(json: string): EngineArguments["datasource"] {
  const parsed: unknown = JSON.parse(json);
  if (!parsed || typeof parsed !== "object") throw new EngineArgumentsError("--datasource must be a JSON object");
  const record = parsed as Record<string, unknown>;
  return {
    url: typeof record.url === "string" ? record.url : undefined,
    shadowDatabaseUrl: typeof record.shadowDatabaseUrl === "string" ? record.shadowDatabaseUrl : undefined,
  };
}
