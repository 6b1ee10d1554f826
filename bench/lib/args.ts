import { parseArgs } from 'node:util';

export type BenchArgs = {
  conversations: number;
  quick: boolean;
  requests: number;
  only: string | undefined;
  suite: string | undefined;
};

/** `npm run bench -- [--quick] [--conversations N] [--requests N] [--only scenario] [--suite list|widget|purge|export|admin|load]` */
export function readArgs(argv = process.argv.slice(2)): BenchArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: 'boolean', default: false },
      conversations: { type: 'string' },
      requests: { type: 'string' },
      only: { type: 'string' },
      suite: { type: 'string' },
    },
  });
  const quick = values.quick ?? false;
  return {
    quick,
    conversations: Number(values.conversations ?? (quick ? 20_000 : 100_000)),
    requests: Number(values.requests ?? (quick ? 60 : 200)),
    only: values.only,
    suite: values.suite,
  };
}
