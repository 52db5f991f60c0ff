// Checks the relative links of the documentation: every [text](target) and ![alt](target) in README.md,
// docs/*.md and bench/results/README.md (or the files given as arguments) must point to a file or folder
// of this checkout that git does not ignore (so it exists in a clone), and every #anchor must name a
// heading of its target page. Prints each broken link; exits 1 if there is one.
// Usage: node scripts/check-doc-links.js [file.md …]
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The checkout: the git work tree of the current folder, else the folder above this script's. */
function checkoutRoot() {
  try {
    return execFileSync('git', ['rev-parse', '--show-toplevel'], { encoding: 'utf8' }).trim();
  } catch {
    return resolve(dirname(fileURLToPath(import.meta.url)), '..');
  }
}

const root = checkoutRoot();

function defaultFiles() {
  const docs = existsSync(join(root, 'docs'))
    ? readdirSync(join(root, 'docs'))
        .filter((name) => name.endsWith('.md'))
        .map((name) => join('docs', name))
    : [];
  return ['README.md', ...docs, join('bench', 'results', 'README.md')].filter((file) => existsSync(join(root, file)));
}

/** Paths git would put in a clone: tracked, or new and not ignored. Undefined when git is not at hand. */
function clonablePaths() {
  try {
    const out = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    return new Set(out.split('\0').filter(Boolean));
  } catch {
    return undefined;
  }
}

/** The lines of a markdown file, with the lines of fenced code blocks (and their fences) blanked out. */
function outsideFences(text) {
  let fence;
  return text.split('\n').map((line) => {
    const marker = /^\s*(`{3,}|~{3,})/.exec(line);
    if (marker) {
      if (!fence) fence = marker[1];
      else if (marker[1].startsWith(fence[0]) && marker[1].length >= fence.length) fence = undefined;
      return '';
    }
    return fence ? '' : line;
  });
}

/** As outsideFences, with inline code blanked out too: what is left can hold links. */
function proseLines(text) {
  return outsideFences(text).map((line) => line.replace(/(`+)[^`]*?\1/g, (code) => ' '.repeat(code.length)));
}

/** GitHub's heading anchors: the heading's words in lower case, punctuation dropped, spaces to hyphens. */
function anchorsOf(file) {
  const anchors = new Set();
  const seen = new Map();
  for (const line of outsideFences(readFileSync(file, 'utf8'))) {
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!heading) continue;
    const slug = heading[1]
      .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1') // a link or image: its text
      .replace(/<[^>]+>/g, '')
      .replace(/[`*]/g, '')
      .replace(/(^|\s)_+|_+(\s|$)/g, '$1$2')
      .trim()
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\p{M} _-]/gu, '')
      .replace(/ /g, '-');
    const count = seen.get(slug) ?? 0; // repeated headings get -1, -2, …
    seen.set(slug, count + 1);
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return anchors;
}

const files = process.argv.length > 2 ? process.argv.slice(2) : defaultFiles();
const clonable = clonablePaths();
const anchorCache = new Map();
const problems = [];
let checked = 0;

for (const file of files) {
  const absolute = resolve(root, file);
  const lines = proseLines(readFileSync(absolute, 'utf8'));
  lines.forEach((line, index) => {
    for (const match of line.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]*)>?(?:\s+"[^"]*")?\s*\)/g)) {
      const target = match[1];
      if (!target || /^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // https:, mailto: and the like
      checked++;
      const where = `${relative(root, absolute)}:${index + 1}`;
      const [pathPart, anchor] = target.split('#', 2);
      const resolved = pathPart ? resolve(dirname(absolute), decodeURIComponent(pathPart)) : absolute;
      const inRepo = relative(root, resolved);
      if (inRepo.startsWith('..') || inRepo.startsWith(sep)) {
        problems.push(`${where}: ${target} leaves the repository`);
        continue;
      }
      if (!existsSync(resolved)) {
        problems.push(`${where}: ${target} does not exist`);
        continue;
      }
      const isFolder = statSync(resolved).isDirectory();
      const key = inRepo.split(sep).join('/');
      if (clonable && !isFolder && !clonable.has(key)) {
        problems.push(`${where}: ${target} exists here but not in a clone (ignored by git)`);
        continue;
      }
      if (anchor && !isFolder && resolved.endsWith('.md')) {
        if (!anchorCache.has(resolved)) anchorCache.set(resolved, anchorsOf(resolved));
        if (!anchorCache.get(resolved).has(anchor.toLowerCase())) {
          problems.push(`${where}: ${target}: no heading with the anchor #${anchor}`);
        }
      }
    }
  });
}

for (const problem of problems) console.error(problem);
console.log(`${checked} relative links in ${files.length} files: ${problems.length} broken`);
process.exitCode = problems.length > 0 ? 1 : 0;
