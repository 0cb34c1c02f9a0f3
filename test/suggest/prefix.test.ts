// suggestPrefix: the categorical prefix of one command (design.md §8), as a table of command →
// prefix. Strings are split with shlex, as Codex splits examples. `null` means no prefix is safe.
import { describe, expect, it } from 'vitest';
import { CODEX_BANNED_PREFIXES, isCodexBanned } from '../../src/knowledge/codex-banned.js';
import { commandShape, SHAPE_NAMES, whyUnsafe } from '../../src/knowledge/command-shapes.js';
import { shlexSplit } from '../../src/rules/shlex.js';
import { suggestPrefix, valueSignal } from '../../src/suggest/prefix.js';
import { suggestPrefix as fromIndex } from '../../src/index.js';

const argvOf = (command: string | string[]): string[] => {
  if (Array.isArray(command)) return command;
  const words = shlexSplit(command);
  if (words === null) throw new Error(`bad fixture: ${command}`);
  return words;
};

/** [command, expected prefix (space-joined) or null]. */
const ROWS: [string | string[], string | null][] = [
  // Codex's own example and the brief's
  ['cargo test -p codex-app-server', 'cargo test'],
  ['cargo test', 'cargo test'],
  ['cargo +nightly fmt --check', 'cargo fmt'],
  ['cargo clippy -- -D warnings', 'cargo clippy'],
  ['cargo nextest run -E test(foo)', 'cargo nextest run'],
  ['cargo add serde --features derive', 'cargo add'],
  ['rustup component add clippy', 'rustup component add'],
  // git
  ['git status', 'git status'],
  ['git status --short', 'git status'],
  ['git -C /work/repo status', 'git status'],
  ['git -c core.pager=cat log', 'git log'],
  ['git --no-pager diff --stat', 'git diff'],
  ['git push origin feature/login', 'git push'],
  ['git push --force-with-lease', 'git push'],
  ['git commit -m "fix typo"', 'git commit'],
  ['git log --oneline -n 5', 'git log'],
  ['git diff HEAD~1', 'git diff'],
  ['git show abc1234', 'git show'],
  ['git checkout -b feature/x', 'git checkout'],
  ['git stash list', 'git stash list'],
  ['git config user.name "Ada L"', 'git config user.name'],
  ['git config --get remote.origin.url', 'git config'],
  ['git stash push -m wip', 'git stash push'],
  ['git remote add upstream https://github.com/x/y', 'git remote add'],
  ['git remote -v', 'git remote'],
  ['git add .', 'git add'],
  ['git tag v1.2.3', 'git tag'],
  ['git', null],
  ['git --version', null],
  // gh
  ['gh pr checks', 'gh pr checks'],
  ['gh pr view 123', 'gh pr view'],
  ['gh pr view 123 --json title', 'gh pr view'],
  ['gh run watch', 'gh run watch'],
  ['gh issue list --label bug', 'gh issue list'],
  ['gh api repos/x/y/pulls', 'gh api'],
  ['gh repo clone owner/repo', 'gh repo clone'],
  ['gh -R owner/repo pr list', 'gh pr list'],
  // npm, pnpm, yarn, bun, npx, deno
  ['npm run dev', 'npm run dev'],
  ['npm run build:prod', 'npm run build:prod'],
  ['npm run test -- --watch', 'npm run test'],
  ['npm test', 'npm test'],
  ['npm install lodash@4.17.21', 'npm install'],
  ['npm install', 'npm install'],
  ['npm ci', 'npm ci'],
  ['npm --prefix web run build', 'npm run build'],
  ['npm run', null],
  ['npm exec -- eslint .', 'npm exec -- eslint'],
  ['pnpm dev', 'pnpm dev'],
  ['pnpm --filter web build', 'pnpm build'],
  ['pnpm add -D typescript', 'pnpm add'],
  ['pnpm run', null],
  ['yarn build', 'yarn build'],
  ['yarn add -D typescript', 'yarn add'],
  ['yarn workspace web build', 'yarn workspace web build'],
  ['bun dev', 'bun dev'],
  ['bun run dev', 'bun run dev'],
  ['bun test', 'bun test'],
  ['bun index.ts', null],
  ['bun run', null],
  ['npx prettier', 'npx prettier'],
  ['npx prettier --write .', 'npx prettier'],
  ['npx prettier@3.0.0 --check src', 'npx prettier@3.0.0'],
  ['npx vitest run test/foo.test.ts', 'npx vitest run'],
  ['npx node script.js', null],
  ['npx', null],
  ['bunx prettier --check .', 'bunx prettier'],
  ['pnpm vitest run src/a.test.ts', 'pnpm vitest run'],
  ['pnpm tsc --noEmit', 'pnpm tsc'],
  ['yarn eslint .', 'yarn eslint'],
  ['pnpm tsx scripts/seed.ts', null],
  ['deno task dev', 'deno task dev'],
  ['deno test -A', 'deno test'],
  ['deno run main.ts', null],
  ['deno eval "console.log(1)"', null],
  ['tsc --noEmit', 'tsc'],
  ['tsc -p tsconfig.build.json', 'tsc'],
  ['eslint src --fix', 'eslint'],
  ['vitest run', 'vitest run'],
  ['vitest src/foo', 'vitest'],
  ['jest --watch', 'jest'],
  ['node build.js', null],
  ['node -e "process.exit(1)"', null],
  // go
  ['go test ./...', 'go test'],
  ['go test -run TestLogin ./internal/auth', 'go test'],
  ['go mod tidy', 'go mod tidy'],
  ['go get github.com/x/y@v1.2.3', 'go get'],
  ['go build -o bin/app ./cmd/app', 'go build'],
  // Python
  ['pytest', 'pytest'],
  ['pytest -x', 'pytest'],
  ['pytest tests/test_api.py::test_login -x', 'pytest'],
  ['pytest -k test_login', 'pytest'],
  ['python3 -m pytest -x', 'python3 -m pytest'],
  ['python3 -m pip install requests', 'python3 -m pip install'],
  ['python -m http.server 8000', 'python -m http.server'],
  ['python3.12 -m venv .venv', 'python3.12 -m venv'],
  ['python manage.py migrate', 'python manage.py migrate'],
  ['python3 manage.py test app.tests', 'python3 manage.py test'],
  ['python3 script.py', null],
  ['python3 -c "print(1)"', null],
  ['python3 -', null],
  ['python', null],
  ['python3.11 tools/gen.py --out x', null],
  ['pip install -r requirements.txt', 'pip install'],
  ['pip3 install requests==2.31.0', 'pip3 install'],
  ['uv sync', 'uv sync'],
  ['uv add httpx', 'uv add'],
  ['uv pip install -e .', 'uv pip install'],
  ['uv run pytest -k foo', 'uv run pytest'],
  ['uv run python x.py', null],
  ['uv run', null],
  ['uv --directory x run pytest', null],
  ['uvx ruff check .', 'uvx ruff check'],
  ['poetry run pytest', 'poetry run pytest'],
  ['poetry add requests', 'poetry add'],
  ['ruff check .', 'ruff check'],
  ['mypy src', 'mypy'],
  ['black --check .', 'black'],
  // make and friends
  ['make', 'make'],
  ['make build', 'make build'],
  ['make -C src test', 'make test'],
  ['make -j4 build', 'make build'],
  ['make test TEST=foo', 'make test'],
  ['just test', 'just test'],
  ['task build', 'task build'],
  ['mvn clean install', 'mvn clean install'],
  ['mvn -DskipTests clean install', 'mvn clean install'],
  ['mvn test -Dtest=FooTest', 'mvn test'],
  ['./gradlew :app:test --tests Foo', './gradlew :app:test'],
  ['./mvnw verify', './mvnw verify'],
  // docker and podman
  ['docker compose up', 'docker compose up'],
  ['docker compose up -d', 'docker compose up'],
  ['docker compose -f docker-compose.dev.yml up -d', 'docker compose up'],
  ['docker compose logs -f api', 'docker compose logs'],
  ['docker run --rm -v /home/u/src:/src node:20', 'docker run'],
  ['docker build -t app:latest .', 'docker build'],
  ['docker --context prod ps', 'docker ps'],
  ['docker image ls', 'docker image ls'],
  ['docker exec -it api bash', null],
  ['docker exec api npm test', 'docker exec api npm test'],
  ['docker-compose up -d', 'docker-compose up'],
  ['podman ps -a', 'podman ps'],
  // kubernetes
  ['kubectl get pods', 'kubectl get pods'],
  ['kubectl get pods -n prod', 'kubectl get pods'],
  ['kubectl get pods -o json', 'kubectl get pods'],
  ['kubectl get -n prod pods', 'kubectl get pods'],
  ['kubectl get pod api-7d9f8c-xk2 -o yaml', 'kubectl get pod'],
  ['kubectl -n prod logs api-7d9f8c-xk2', 'kubectl logs'],
  ['kubectl logs -f deploy/api', 'kubectl logs'],
  ['kubectl describe deployment api', 'kubectl describe deployment'],
  ['kubectl apply -f k8s/deploy.yaml', 'kubectl apply'],
  ['kubectl rollout restart deployment api', 'kubectl rollout restart deployment'],
  ['kubectl rollout status deploy/api', 'kubectl rollout status'],
  ['kubectl config use-context prod', 'kubectl config use-context'],
  ['kubectl exec -it api -- sh', null],
  ['helm install api ./chart -n prod', 'helm install'],
  ['helm repo add bitnami https://charts.bitnami.com/bitnami', 'helm repo add'],
  ['helm -n prod list', 'helm list'],
  // infrastructure and cloud
  ['terraform plan', 'terraform plan'],
  ['terraform plan -out=tfplan', 'terraform plan'],
  ['terraform apply tfplan', 'terraform apply'],
  ['terraform -chdir=infra plan', 'terraform plan'],
  ['terraform state list', 'terraform state list'],
  ['tofu init -upgrade', 'tofu init'],
  ['aws s3 ls', 'aws s3 ls'],
  ['aws s3 ls s3://bucket', 'aws s3 ls'],
  ['aws sts get-caller-identity', 'aws sts get-caller-identity'],
  ['aws --profile prod s3 cp a.txt s3://b/', 'aws s3 cp'],
  ['aws logs tail /aws/lambda/x --follow', 'aws logs tail'],
  ['gcloud compute instances list', 'gcloud compute instances list'],
  ['gcloud compute instances describe my-vm --zone us-central1-a', 'gcloud compute instances describe'],
  ['gcloud compute ssh my-vm', 'gcloud compute ssh'],
  ['gcloud config set project my-proj', 'gcloud config set project'],
  ['gcloud auth login', 'gcloud auth login'],
  ['gcloud run deploy api --source .', 'gcloud run deploy'],
  ['gcloud run services list', 'gcloud run services list'],
  ['gcloud --project p functions deploy fn', 'gcloud functions deploy'],
  ['az login', 'az login'],
  ['az group list -o table', 'az group list'],
  ['az storage blob list --account-name x', 'az storage blob list'],
  // system packages and services
  ['brew install jq', 'brew install'],
  ['brew services restart postgresql', 'brew services restart'],
  ['apt-get install -y curl', 'apt-get install'],
  ['apt -y install curl', 'apt install'],
  ['systemctl status nginx', 'systemctl status'],
  ['systemctl --user restart foo.service', 'systemctl restart'],
  // JVM, .NET, Ruby, PHP, others
  ['dotnet test', 'dotnet test'],
  ['dotnet add package Newtonsoft.Json', 'dotnet add package'],
  ['dotnet ef migrations add Init', 'dotnet ef migrations add'],
  ['bundle exec rspec spec/models/user_spec.rb', 'bundle exec rspec'],
  ['rails db:migrate', 'rails db:migrate'],
  ['rails generate model User name:string', 'rails generate model'],
  ['rake test', 'rake test'],
  ['php artisan migrate --force', 'php artisan migrate'],
  ['composer require laravel/framework', 'composer require'],
  ['mix test test/app_test.exs', 'mix test'],
  ['mix ecto.migrate', 'mix ecto.migrate'],
  ['flutter pub get', 'flutter pub get'],
  ['swift build -c release', 'swift build'],
  ['nx build web', 'nx build'],
  ['turbo run build --filter=web', 'turbo run build'],
  // wrappers keep their words and add the command's prefix
  ['sudo apt install nginx', 'sudo apt install'],
  ['sudo -u postgres createdb app', 'sudo -u postgres createdb app'],
  ['timeout 60 cargo test -p x', 'timeout 60 cargo test'],
  ['env FOO=1 npm test', 'env FOO=1 npm test'],
  ['nice -n 10 make build', 'nice -n 10 make build'],
  ['xargs rm', null],
  ['sudo rm -rf /tmp/x', null],
  ['watch -n 1 ls', null],
  ['env', null],
  ['sudo', null],
  // shells, interpreters, commands that run what they are given
  ['bash -lc "ls"', null],
  ['bash scripts/setup.sh', null],
  ['sh -c "echo hi"', null],
  ['/bin/zsh -lc "git status"', null],
  ['mksh -c "ls"', null],
  ['awk {print} file', null],
  ['perl -e 1', null],
  ['ruby script.rb', null],
  ['ssh host ls', null],
  ['psql -c "select 1"', null],
  ['find . -name x -exec rm {} ;', null],
  ['rm -rf build', null],
  ['rm file.txt', null],
  // small tools: the program is the capability
  ['ls', 'ls'],
  ['ls -la src', 'ls'],
  ['cat package.json', 'cat'],
  ['echo hello', 'echo'],
  ['grep -r TODO src', 'grep'],
  ['rg -n "fn main" src', 'rg'],
  ['curl -s https://api.github.com/repos/x/y', 'curl'],
  ['jq .name package.json', 'jq'],
  // generic signals for programs not in the table
  ['foo', 'foo'],
  ['foo bar baz', 'foo bar baz'],
  ['foo bar -x baz', 'foo bar'],
  ['foo bar ./x', 'foo bar'],
  ['foo bar /a/b', 'foo bar'],
  ['foo bar ~/x', 'foo bar'],
  ['foo bar a/b', 'foo bar'],
  ['foo bar https://example.com', 'foo bar'],
  ['foo bar 42', 'foo bar'],
  ['foo bar 3f2a9c1d', 'foo bar'],
  ['foo bar 1.2.3', 'foo bar'],
  ['foo bar pkg@1.2', 'foo bar'],
  ['foo bar data.csv', 'foo bar'],
  ['foo bar "two words"', 'foo bar'],
  ['foo bar KEY=VAL', 'foo bar'],
  ['foo bar node:20', 'foo bar'],
  ['foo bar .env', 'foo bar'],
  ['foo bar aVeryLongTokenWithDigits1234567890XYZ', 'foo bar'],
  ['foo bar user@example.com', 'foo bar'],
  ['foo bar main..feature', 'foo bar'],
  ['foo bar "*.ts"', 'foo bar'],
  ['foo bar .', 'foo bar'],
  ['./scripts/deploy.sh staging', './scripts/deploy.sh staging'],
  ['/usr/bin/git -C x status', '/usr/bin/git status'],
  // names that are members of Object.prototype find nothing in the tables
  ['toString', 'toString'],
  ['constructor bar', 'constructor bar'],
  ['git toString', 'git toString'],
  ['__proto__ x', '__proto__ x'],
];

describe('suggestPrefix table', () => {
  it('has enough rows', () => {
    expect(ROWS.length).toBeGreaterThanOrEqual(80);
  });

  it.each(ROWS.map(([c, p]) => [typeof c === 'string' ? c : JSON.stringify(c), c, p] as const))('%s', (_name, command, expected) => {
    const argv = argvOf(command);
    const s = suggestPrefix(argv);
    expect(s.prefix === null ? null : s.prefix.join(' '), s.reason).toBe(expected);
    expect(s.tokens.map((t) => t.token)).toEqual(argv);
    if (s.prefix !== null) {
      expect(isCodexBanned(s.prefix)).toBe(false);
      expect(s.prefix).toEqual(s.categorical);
      // Without left-out options the prefix is a prefix of the command, so it matches it in Codex.
      if (s.skipped.length === 0) expect(argv.slice(0, s.prefix.length)).toEqual(s.prefix);
    } else {
      expect(s.reason).toMatch(/^no categorical prefix is safe: /);
    }
  });
});

describe('suggestPrefix reasons', () => {
  it('names the capability and what was left out', () => {
    expect(suggestPrefix(argvOf('cargo test -p codex-app-server')).reason).toBe(
      '"cargo test" names the capability; "-p codex-app-server" are arguments of this one command',
    );
    expect(suggestPrefix(argvOf('git -C x status')).reason).toBe(
      '"git status" names the capability; "-C x" is left out, since a rule with it only matches commands written with it',
    );
    expect(suggestPrefix(argvOf('git -C x status')).skipped).toEqual(['-C', 'x']);
  });

  it('says why there is no safe prefix', () => {
    expect(suggestPrefix(argvOf('python3 script.py')).reason).toBe(
      'no categorical prefix is safe: python3 runs arbitrary code, and Codex refuses ["python3"] as a rule',
    );
    expect(suggestPrefix(argvOf('python3 script.py')).categorical).toEqual(['python3']);
    expect(suggestPrefix(argvOf('uv run python x.py')).reason).toMatch(/python runs arbitrary code/);
    expect(suggestPrefix(argvOf('ssh host ls')).reason).toMatch(/ssh runs any command on the remote host/);
  });

  it('gives every word a role', () => {
    const s = suggestPrefix(argvOf('kubectl -n prod get pods api-1 --sort-by cpu --watch .'));
    expect(s.tokens.map((t) => t.role)).toEqual(['capability', 'option', 'value', 'capability', 'capability', 'value', 'flag', 'value', 'flag', 'all']);
    expect(s.tokens[2]).toMatchObject({ kind: 'the value of option "-n"', skipped: true });
    expect(s.tokens[5]!.kind).toBe('an argument of "kubectl get pods"');
    expect(s.tokens[7]!.kind).toBe('the value of "--sort-by"');
  });

  it('reads the mode an option picks as part of the flag', () => {
    const s = suggestPrefix(argvOf('cargo clippy -- -D warnings'));
    expect(s.tokens.map((t) => t.role)).toEqual(['capability', 'capability', 'flag', 'flag', 'flag']);
    expect(suggestPrefix(argvOf('cargo test -p core')).tokens[3]).toMatchObject({ role: 'value', kind: 'the value of "-p"' });
  });

  it('marks prefixes Codex refuses, also inside wrappers', () => {
    expect(suggestPrefix(argvOf('python3 x.py')).banned).toBe(true);
    expect(suggestPrefix(argvOf('uv run python x.py')).banned).toBe(true);
    expect(suggestPrefix(argvOf('ssh host ls')).banned).toBe(false);
    expect(suggestPrefix(argvOf('cargo test')).banned).toBe(false);
  });

  it('handles the empty command', () => {
    expect(suggestPrefix([])).toMatchObject({ prefix: null, categorical: [], tokens: [] });
  });

  it('is exported from the package entry point', () => {
    expect(fromIndex).toBe(suggestPrefix);
  });
});

describe('Codex banned prefixes', () => {
  it('never suggests one, and explains each banned program', () => {
    for (const banned of CODEX_BANNED_PREFIXES) {
      const s = suggestPrefix(banned);
      expect(s.prefix, banned.join(' ')).toBeNull();
      const name = banned[0]!.split('/').pop()!;
      expect(whyUnsafe(name), name).toBeDefined();
      // With an argument after it, the prefix is still never a banned one.
      const more = suggestPrefix([...banned, 'x.txt']);
      if (more.prefix !== null) expect(isCodexBanned(more.prefix)).toBe(false);
    }
  });
});

describe('valueSignal', () => {
  const SIGNALS: [string, string | undefined][] = [
    ['status', undefined],
    ['codex-app-server', undefined],
    ['build:prod', undefined],
    ['db:migrate', undefined],
    ['http.server', undefined],
    ['describe-vpc-endpoint-service-configurations', undefined],
    ['./x', 'a path'],
    ['/a/b', 'a path'],
    ['~/x', 'a path'],
    ['a/b', 'a path'],
    ['https://x.y/z', 'a URL'],
    ['git@github.com:x/y.git', 'a URL'],
    ['42', 'a number'],
    ['#123', 'a number'],
    ['30s', 'a number'],
    ['3f2a9c1d', 'a hash'],
    ['deadbeef', undefined],
    ['1.2.3', 'a version'],
    ['v20.1.0', 'a version'],
    ['lodash@4.17.21', 'a version'],
    ['vite@latest', 'a version'],
    ['requests==2.31.0', 'a version'],
    ['node:20', 'a tag or port'],
    ['localhost:3000', 'a tag or port'],
    ['data.csv', 'a file name'],
    ['Cargo.toml', 'a file name'],
    ['.env', 'a file name'],
    ['fix typo', 'quoted text'],
    ['', 'an empty string'],
    ['KEY=VAL', 'an assignment'],
    ['*.ts', 'a glob'],
    ['$HOME', 'a variable or brace'],
    ['HEAD~1', 'a revision'],
    ['main..feature', 'a revision'],
    ['a@b.io', 'an address'],
    ['x'.repeat(70), 'a long token'],
  ];
  it.each(SIGNALS)('%j → %s', (token, expected) => {
    expect(valueSignal(token)).toBe(expected);
  });
});

describe('command shapes table', () => {
  it('knows the tools agents run most', () => {
    for (const name of ['git', 'gh', 'npm', 'pnpm', 'yarn', 'bun', 'cargo', 'go', 'pip', 'pip3', 'uv', 'poetry', 'pytest', 'make', 'docker', 'podman', 'kubectl', 'helm', 'terraform', 'aws', 'gcloud', 'az', 'brew', 'apt', 'apt-get', 'systemctl']) {
      expect(commandShape(name), name).toBeDefined();
    }
    expect(SHAPE_NAMES.length).toBeGreaterThan(150);
  });

  it('finds nothing for members of Object.prototype', () => {
    for (const name of ['toString', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf']) expect(commandShape(name)).toBeUndefined();
    expect(whyUnsafe('constructor')).toBeUndefined();
  });

  it('gives every entry a one-line reason', () => {
    const visit = (name: string, shape: NonNullable<ReturnType<typeof commandShape>>): void => {
      expect(shape.reason, name).toMatch(/^\S[^\n]{5,}$/);
      for (const [sub, s] of Object.entries(shape.sub ?? {})) visit(`${name} ${sub}`, s);
    };
    for (const name of SHAPE_NAMES) visit(name, commandShape(name)!);
  });
});
