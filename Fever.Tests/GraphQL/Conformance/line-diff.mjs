// A line diff in the unified style: the lines only in `before` start with '-', those only in `after`
// with '+', and each change comes with `context` unchanged lines around it (hunks start with '@@').

/** The diff of two texts as lines; empty when they are equal. */
export function lineDiff(before, after, context = 2) {
  const edits = editScript(before.split('\n'), after.split('\n'));
  const changed = edits.map((edit) => edit.startsWith('-') || edit.startsWith('+'));
  const lines = [];
  let last = -1;
  edits.forEach((edit, index) => {
    const near = changed.slice(Math.max(0, index - context), index + context + 1).some(Boolean);
    if (!near) return;
    if (index !== last + 1) lines.push('@@');
    lines.push(edit);
    last = index;
  });
  return lines;
}

/** Longest common subsequence of lines, walked into ' ', '-' and '+' lines. */
function editScript(a, b) {
  const common = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      common[i][j] = a[i] === b[j] ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
  const edits = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) edits.push(`  ${a[i++]}`), j++;
    else if (i < a.length && (j === b.length || common[i + 1][j] >= common[i][j + 1])) edits.push(`- ${a[i++]}`);
    else edits.push(`+ ${b[j++]}`);
  }
  return edits;
}
