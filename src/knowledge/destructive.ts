// Command lines that destroy data or infrastructure beyond an easy undo (the forms of
// command-forms.ts): recursive or forced removal, history rewrites on a shared remote, discarded
// work, raw disk writes, deleted cloud resources. The dangerous-allow check reports an allow rule
// that admits one of them (`[rm]` admits `rm -rf`, `[git, push]` admits `git push --force`).
// Commands that run arbitrary code (code-runners.ts) can destroy anything too; the arbitrary-code
// check reports those, and dangerous-allow leaves such rules to it.
//
// Like every table in escalint this says what is understood, not everything that is dangerous
// (style.md): plain `rm FILE`, `mv` over a file, `git checkout -- .` and `git branch -D` are not
// listed (they are everyday commands whose loss is limited or recoverable), and options that a
// program accepts anywhere among its arguments (`git push origin main --force`) are out of reach
// of any prefix rule; `escalint test` shows what a command line really does.
import { any, gap, hole, like, options, word, type OptionTable, type ProgramForms } from './command-forms.js';
import { globalValueOptions } from './global-options.js';

/** Destroys whatever its operands name, whatever the options: any rule on it admits that. */
const always = (reason: string): ProgramForms => ({ reason, forms: [{ steps: [], reason }] });

/** Overwrites the device given (partition tables, file systems). `-l`-style listing options are safe. */
const disk = (reason: string, stop: string[] = []): ProgramForms => ({
  reason,
  options: { stop: [...stop, '-V', '--version', '-h', '--help'] },
  forms: [{ steps: [any('/dev/sda')], reason }],
});

/** `chmod -R`, `chown -R`: `what` is what it changes, as in "changes {what} of every file below …". */
const recursive = (name: string, what: string): ProgramForms => ({
  reason: `${name} -R changes ${what} of a whole folder tree`,
  options: { value: ['--reference', '--from'], stop: ['--help', '--version'] },
  forms: [{ steps: [like(/^-[A-Za-z]*R[A-Za-z]*$|^--recursive$/, '-R', '--recursive')], reason: `changes ${what} of every file below the folder given, e.g. the home folder` }],
});

const gitPush: OptionTable = {
  value: ['--repo', '-o', '--push-option', '--receive-pack', '--exec'],
  // A dry run changes nothing, whatever else follows (`-n`, also in a cluster such as `-nf`).
  stop: ['--dry-run', '-h', '--help'],
  stopLike: /^-[A-Za-z]*n[A-Za-z]*$/,
};
const gitForce = /^(?:--force|--force-with-lease(?:=.*)?|--force-if-includes|--mirror|--delete|--prune)$|^-(?![A-Za-z]*n)[A-Za-z]*[fd][A-Za-z]*$/;

const terraform = (name: string): ProgramForms => ({
  reason: `${name} changes real infrastructure`,
  forms: [
    { steps: [word('destroy')], reason: 'destroys all the infrastructure it manages' },
    {
      steps: [word('apply'), options({ value: ['-var', '-var-file', '-target', '-replace', '-parallelism', '-state', '-state-out', '-backup', '-lock-timeout'] }), like(/^--?auto-approve(?:=true)?$|^--?destroy$/, '-auto-approve', '--auto-approve', '-destroy')],
      reason: 'applies changes, deletions included, without showing the plan for approval',
    },
  ],
  narrower: ['plan'],
});

const docker = (name: string): ProgramForms => ({
  reason: `${name} can delete containers, images and volumes`,
  options: { value: globalValueOptions(name) },
  forms: [
    { steps: [word('system'), word('prune')], reason: 'deletes all stopped containers, unused images and networks, and with --volumes their data' },
    { steps: [word('volume'), word('rm', 'prune')], reason: 'deletes volumes and the data in them' },
  ],
});

const AWS_SERVICES = [
  'ec2', 's3api', 'rds', 'dynamodb', 'lambda', 'iam', 'cloudformation', 'ecs', 'eks', 'ecr', 'sqs', 'sns', 'route53', 'kms',
  'secretsmanager', 'ssm', 'logs', 'elasticache', 'efs', 'elbv2', 'autoscaling', 'apigateway', 'cloudfront', 'kinesis', 'glue',
  'redshift', 'organizations', 'backup',
];

const TABLE = {
  rm: {
    reason: 'rm removes files and folders',
    options: { stop: ['--help', '--version'] },
    forms: [{ steps: [like(/^-[A-Za-z]*[rRf][A-Za-z]*$|^--(?:recursive|force|interactive=never|no-preserve-root)$/, '-rf', '-fr', '-r', '-f', '-R', '--recursive', '--force')], reason: 'removes whole folder trees without asking, and every further argument too' }],
  },
  shred: always('shred overwrites the files given so that they cannot be recovered'),
  dd: always('dd writes raw bytes over the file or device named by of='),
  truncate: always('truncate cuts the files given to the size given, e.g. to nothing'),
  mkfs: disk('mkfs writes a new, empty file system over the device given'),
  ...Object.fromEntries(
    ['ext2', 'ext3', 'ext4', 'xfs', 'btrfs', 'vfat', 'fat', 'msdos', 'ntfs', 'exfat', 'f2fs', 'minix'].map((fs) => [`mkfs.${fs}`, disk(`mkfs.${fs} writes a new, empty file system over the device given`)]),
  ),
  mke2fs: disk('mke2fs writes a new, empty file system over the device given'),
  mkswap: disk('mkswap overwrites the device given with swap space'),
  fdisk: disk('fdisk rewrites the partition table of the device given', ['-l', '--list']),
  sfdisk: disk('sfdisk rewrites the partition table of the device given', ['-l', '--list', '-d', '--dump']),
  cfdisk: disk('cfdisk rewrites the partition table of the device given'),
  gdisk: disk('gdisk rewrites the partition table of the device given', ['-l']),
  sgdisk: disk('sgdisk rewrites the partition table of the device given', ['-p', '--print']),
  parted: disk('parted rewrites the partition table of the device given', ['-l', '--list']),
  wipefs: {
    reason: 'wipefs erases file-system signatures',
    options: { stop: ['-n', '--no-act'] },
    forms: [{ steps: [like(/^-[A-Za-z]*a[A-Za-z]*$|^--all$/, '-a', '--all')], reason: 'erases every file-system signature on the device given' }],
  },
  blkdiscard: disk('blkdiscard discards every block of the device given'),
  shutdown: always('shutdown stops or restarts the machine'),
  reboot: always('reboot restarts the machine'),
  halt: always('halt stops the machine'),
  poweroff: always('poweroff turns the machine off'),
  chmod: recursive('chmod', 'the permissions'),
  chown: recursive('chown', 'the owner'),
  chgrp: recursive('chgrp', 'the group'),
  find: {
    reason: 'find deletes the files found with -delete',
    forms: [{ steps: [gap, word('-delete')], reason: 'deletes every file found' }],
  },
  git: {
    reason: 'git can rewrite shared history and discard work',
    options: { value: globalValueOptions('git'), stop: ['--version', '--help', '-h'] },
    forms: [
      { steps: [word('push'), options(gitPush), like(gitForce, '--force', '-f', '--force-with-lease', '--force-if-includes', '--mirror', '--delete', '-d', '--prune')], reason: 'overwrites or deletes history on the remote' },
      { steps: [word('push'), options(gitPush), any('origin'), options(gitPush), like(/^[+:]/, '+main', ':main')], reason: 'a refspec starting with + force-pushes, one starting with : deletes the remote branch' },
      { steps: [word('reset'), options(), like(/^--hard$/, '--hard')], reason: 'discards uncommitted changes' },
      {
        steps: [word('clean'), options({ value: ['-e', '--exclude'], stop: ['--dry-run'], stopLike: /^-[A-Za-z]*n[A-Za-z]*$/ }), like(/^--force$|^-(?![A-Za-z]*n)[A-Za-z]*f[A-Za-z]*$/, '-fdx', '-f', '-fd', '-df', '--force')],
        reason: 'deletes untracked files for good',
      },
    ],
  },
  kubectl: {
    reason: 'kubectl can delete cluster resources',
    options: { value: globalValueOptions('kubectl') },
    forms: [
      { steps: [word('delete')], reason: 'deletes cluster resources' },
      { steps: [word('drain')], reason: 'evicts every pod from a node' },
    ],
  },
  helm: {
    reason: 'helm can remove releases',
    options: { value: globalValueOptions('helm') },
    forms: [{ steps: [word('uninstall', 'delete', 'del', 'un')], reason: 'removes a release and everything it deployed' }],
  },
  terraform: terraform('terraform'),
  tofu: terraform('OpenTofu'),
  pulumi: { reason: 'pulumi changes real infrastructure', forms: [{ steps: [word('destroy')], reason: 'destroys all the resources of the stack' }] },
  docker: docker('docker'),
  podman: docker('podman'),
  aws: {
    reason: 'the AWS CLI can delete cloud resources',
    options: { value: globalValueOptions('aws') },
    forms: [
      { steps: [word('s3'), word('rm', 'rb')], reason: 'deletes objects or whole buckets' },
      { steps: [word(...AWS_SERVICES), like(/^(?:delete|terminate|remove|deregister|purge)-/, 'delete-…', 'terminate-…')], reason: 'deletes cloud resources' },
    ],
  },
  gcloud: {
    reason: 'gcloud can delete cloud resources',
    options: { value: ['--project', '--account', '--configuration', '--impersonate-service-account'] },
    forms: [
      { steps: [word('projects'), word('delete')], reason: 'deletes a whole project' },
      { steps: [word('compute'), word('instances', 'disks', 'images', 'snapshots'), word('delete')], reason: 'deletes virtual machines or their disks' },
      { steps: [word('container'), word('clusters'), word('delete')], reason: 'deletes a Kubernetes cluster' },
      { steps: [word('sql'), word('instances', 'databases'), word('delete')], reason: 'deletes a database' },
      { steps: [word('storage'), word('rm')], reason: 'deletes storage objects' },
      { steps: [gap, word('delete')], reason: 'deletes cloud resources' },
    ],
  },
  az: {
    reason: 'the Azure CLI can delete cloud resources',
    forms: [
      { steps: [word('group'), word('delete')], reason: 'deletes a resource group and everything in it' },
      { steps: [gap, word('delete')], reason: 'deletes cloud resources' },
    ],
  },
  gh: {
    reason: 'gh can delete repositories and releases',
    options: { value: globalValueOptions('gh') },
    forms: [
      { steps: [word('repo'), word('delete')], reason: 'deletes a repository' },
      { steps: [word('release'), word('delete')], reason: 'deletes a release' },
    ],
  },
  'redis-cli': {
    reason: 'redis-cli runs any Redis command',
    options: { value: ['-h', '-p', '-a', '-n', '-u', '--user', '--pass', '-s'], stop: ['-v', '--version', '--help'] },
    forms: [
      { steps: [like(/^(?:flushall|flushdb)$/i, 'FLUSHALL', 'FLUSHDB', 'flushall')], reason: 'deletes every key' },
      { steps: [hole('FLUSHALL')], reason: 'runs any Redis command given, e.g. FLUSHALL, or read from standard input' },
    ],
  },
} as const satisfies Record<string, ProgramForms>;

/** Programs by name, lowercase (file names are case-insensitive on macOS and Windows). */
export const DESTRUCTIVE: ReadonlyMap<string, ProgramForms> = new Map(Object.entries(TABLE).map(([name, forms]) => [name.toLowerCase(), forms as ProgramForms]));
