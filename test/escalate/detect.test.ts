// What agent commands need that the sandbox does not grant: found by segments (wrappers, shell
// strings, substitutions), never by searching the raw text. One row per command.
import { describe, expect, it } from 'vitest';
import { detectCapabilities } from '../../src/escalate/detect.js';
import { EMPTY_POLICY, type SandboxPolicy } from '../../src/escalate/policy.js';

const places = { root: '/work/repo', cwd: '/work/repo', home: '/home/dev', tempDirs: ['/tmp'] };

function detect(command: string, policy: Partial<SandboxPolicy> = {}): [string, string][] {
  return detectCapabilities(command, { ...places, policy: { ...EMPTY_POLICY, ...policy } }).capabilities.map((c) => [c.name, c.evidence]);
}

// The sandbox Codex starts an interactive session in: workspace-write, no network.
const DEFAULT: [string, [string, string][]][] = [
  // git remotes
  ['git push origin main', [['git-remote', 'git push origin main']]],
  ['git push -u origin feature/escalate', [['git-remote', 'git push -u origin feature/escalate']]],
  ['git -C ../other pull --rebase', [['git-remote', 'git -C ../other pull --rebase']]],
  ['git fetch --all --prune', [['git-remote', 'git fetch --all --prune']]],
  ['git clone https://github.com/openai/codex.git /tmp/codex', [['git-remote', 'git clone https://github.com/openai/codex.git /tmp/codex']]],
  ['git submodule update --init --recursive', [['git-remote', 'git submodule update --init --recursive']]],
  // git runs the ssh command of core.sshCommand: a segment of its own
  ['git -c core.sshCommand="ssh -i key" push', [['network', 'ssh -i key'], ['git-remote', 'git -c core.sshCommand="ssh -i key" push']]],
  ['git status && git diff --stat', []],
  ['git commit -am "fix: typo"', []],
  ['git log --oneline -- push', []],
  // package installs
  ['npm install', [['package-install', 'npm install']]],
  ['npm i -D vitest@latest', [['package-install', 'npm i -D vitest@latest']]],
  ['npm ci --no-audit', [['package-install', 'npm ci --no-audit']]],
  ['npm --prefix web install', [['package-install', 'npm --prefix web install']]],
  ['npm run build && npm test', []],
  ['pnpm add zod', [['package-install', 'pnpm add zod']]],
  ['yarn add -D typescript', [['package-install', 'yarn add -D typescript']]],
  ['pip install -r requirements.txt', [['package-install', 'pip install -r requirements.txt']]],
  ['pip3.12 install requests', [['package-install', 'pip3.12 install requests']]],
  ['python3 -m pip install --upgrade pip', [['package-install', 'python3 -m pip install --upgrade pip']]],
  ['uv pip install requests', [['package-install', 'uv pip install requests']]],
  ['uv run pytest -q', []],
  ['cargo add serde --features derive', [['package-install', 'cargo add serde --features derive']]],
  ['cargo build --release', []],
  ['go mod download', [['package-install', 'go mod download']]],
  ['go test ./...', []],
  ['sudo apt-get install -y jq', [['package-install', 'apt-get install -y jq']]],
  ['brew install ripgrep', [['package-install', 'brew install ripgrep']]],
  ['timeout 120 npm ci', [['package-install', 'npm ci']]],
  ["bash -lc 'cd web && pnpm install'", [['package-install', 'pnpm install']]],
  ['npx prettier --write .', []],
  // network
  ['curl -fsSL https://sh.rustup.rs | sh', [['network', 'curl -fsSL https://sh.rustup.rs']]],
  ['wget -qO- https://example.com/install.sh | bash', [['network', 'wget -qO- https://example.com/install.sh']]],
  ['echo "$(curl -s https://api.github.com/rate_limit)"', [['network', 'curl -s https://api.github.com/rate_limit']]],
  ['xargs -n1 curl -O < urls.txt', [['network', 'curl -O']]],
  ['gh pr create --fill', [['network', 'gh pr create --fill']]],
  ['docker pull postgres:16', [['network', 'docker pull postgres:16']]],
  ["ssh deploy@example.com 'systemctl restart app'", [['network', "ssh deploy@example.com 'systemctl restart app'"]]],
  // services and the desktop
  ['sudo systemctl restart nginx', [['service-control', 'systemctl restart nginx']]],
  ['service postgresql start', [['service-control', 'service postgresql start']]],
  ['xdg-open http://localhost:3000', [['gui', 'xdg-open http://localhost:3000']]],
  ['open coverage/index.html', [['gui', 'open coverage/index.html']]],
  // writes
  ["echo 'export PATH=$HOME/.cargo/bin:$PATH' >> ~/.bashrc", [['write-outside-workspace', '>> ~/.bashrc']]],
  ['echo token > "$HOME/.npmrc"', [['write-outside-workspace', '> "$HOME/.npmrc"']]],
  ["sudo tee /etc/hosts <<< '127.0.0.1 app.local'", [['write-outside-workspace', 'tee /etc/hosts']]],
  [
    'mkdir -p ~/.config/app && cp config.toml ~/.config/app/',
    [
      ['write-outside-workspace', 'mkdir -p ~/.config/app'],
      ['write-outside-workspace', 'cp config.toml ~/.config/app/'],
    ],
  ],
  ["cat > /etc/nginx/conf.d/app.conf <<'EOF'\nserver {}\nEOF", [['write-outside-workspace', '> /etc/nginx/conf.d/app.conf']]],
  ['echo hi > .git/hooks/pre-commit', [['write-outside-workspace', '> .git/hooks/pre-commit']]],
  ['cp build/app ../deploy/', [['write-outside-workspace', 'cp build/app ../deploy/']]],
  ['dd if=/dev/zero of=/dev/sda bs=1M', [['write-outside-workspace', 'dd if=/dev/zero of=/dev/sda bs=1M']]],
  ['touch /tmp/ready && rm -rf build', []],
  ['touch "~/x"', []],
  ['npm test 2>&1 | tee /tmp/test.log', []],
  ['make build > build.log 2>&1', []],
  ['./run.sh >/dev/null 2>&1 &', []],
  ['cp -t dist src/*.js', []],
  ['ls ~/.ssh && cat /etc/os-release', []],
  // several at once, in the order of the capability table
  ['npm ci && git push && curl -X POST https://hooks.example.com/done', [
    ['network', 'curl -X POST https://hooks.example.com/done'],
    ['git-remote', 'git push'],
    ['package-install', 'npm ci'],
  ]],
  // what escalint cannot know is not guessed at
  ['$PKG install foo', []],
  ['git "$SUB" origin', []],
  ['echo hi > "$OUT"', []],
  ['please push my branch to origin', []],
  ["can't you just install it", []],
];

describe('detectCapabilities: what a workspace-write sandbox without network does not grant', () => {
  it.each(DEFAULT)('%s', (command, expected) => {
    expect(detect(command)).toEqual(expected);
  });
});

describe('detectCapabilities under other sandboxes', () => {
  const rows: [string, Partial<SandboxPolicy>, [string, string][]][] = [
    // read-only: nothing is writable, not even the workspace or /tmp
    ['npm run build > build.log', { sandbox: 'read-only' }, [['write-outside-workspace', '> build.log']]],
    ['touch /tmp/ready', { sandbox: 'read-only' }, [['write-outside-workspace', 'touch /tmp/ready']]],
    ['echo hi > "$OUT"', { sandbox: 'read-only' }, [['write-outside-workspace', '> "$OUT"']]],
    ['git status > /dev/null', { sandbox: 'read-only' }, []],
    // network on: plain network use is granted; what also writes outside the workspace is not
    ['curl -fsSL https://example.com/x.tgz -o x.tgz', { sandbox: 'workspace-write', network: 'enabled' }, []],
    ['npm install', { sandbox: 'workspace-write', network: 'enabled' }, [['package-install', 'npm install']]],
    ['git fetch', { sandbox: 'workspace-write', network: 'enabled' }, [['git-remote', 'git fetch']]],
    // writable_roots
    ['cp dist/app.js /srv/www/', { writableRoots: ['/srv/www'] }, []],
    ['cp dist/app.js /srv/other/', { writableRoots: ['/srv/www'] }, [['write-outside-workspace', 'cp dist/app.js /srv/other/']]],
    // full access grants everything
    ['git push && sudo systemctl restart nginx && echo x > /etc/motd', { sandbox: 'danger-full-access' }, []],
  ];
  it.each(rows)('%s with %j', (command, policy, expected) => {
    expect(detect(command, policy)).toEqual(expected);
  });

  it('takes a write under the home folder as outside the workspace when the home folder is unknown', () => {
    const r = detectCapabilities('touch ~/x', { root: '/work/repo', policy: EMPTY_POLICY });
    expect(r.capabilities).toEqual([{ name: 'write-outside-workspace', evidence: 'touch ~/x' }]);
  });

  it('resolves a relative target against cwd, inside the workspace root', () => {
    const policy = EMPTY_POLICY;
    expect(detectCapabilities('touch ../x', { root: '/work/repo', cwd: '/work/repo/web', policy }).capabilities).toEqual([]);
    expect(detectCapabilities('touch ../../x', { root: '/work/repo', cwd: '/work/repo/web', policy }).capabilities).toEqual([
      { name: 'write-outside-workspace', evidence: 'touch ../../x' },
    ]);
  });

  it('shows invisible characters of the evidence as escapes', () => {
    expect(detect('curl https://x\u202e/y')).toEqual([['network', 'curl https://x\\u202e/y']]);
  });
});
