"""Writes gemm/KernelF32.java, IndexedKernelF32.java, TailKernelF32.java and TailColumnsF32.java from
their .tmpl files:
the hand-unrolled micro-kernels.

Run it after changing the template or MR (python3 kernels/tools/gen_microkernels.py); the output
is committed as source, so the build never needs Python. The double kernels are generated from
KernelF32.java by the Maven build as for every *F32* file.
"""
import os

HERE = os.path.dirname(os.path.abspath(__file__))
MR=12
def method(doc, sig, decl, pre, loop, spill):
    """One kernel method: accumulators zeroed, the prelude, the loop over k, the spill."""
    return f'''    {doc}
    {sig} {{
        FloatVector zero = FloatVector.zero(S);
{decl}
{pre}
{loop}
{spill}
    }}
'''

def tile(name, nv, rows_mode, doc, arrays=False, mr=MR, indexed=False, steps=1, add=False, kc_rows=False):
    decl = "\n".join(f"        FloatVector " + ", ".join(f"c{i}{v} = zero" for v in range(nv)) + ";" for i in range(mr))
    body = []
    for i in range(mr):
        src = f"a{i}[col + p]" if arrays else f"a[r{i} + p]" if rows_mode else f"a[ai + {i}]"
        body.append(f"            av = FloatVector.broadcast(S, {src});")
        for v in range(nv):
            body.append(f"            c{i}{v} = av.fma(b{v}, c{i}{v});")
    # The tile goes to out[outAt + i * outStride + v * L]: the driver's tile buffer (outStride NR,
    # or the wide sliver's width for the 6-row tiles), or C itself when nothing is left to do to a full tile.
    # Rows in ascending order, vectors left to right: the driver lets a row's lanes past n land on
    # the next rows of C (DriverF32.spillsWholeVectors), which only works if those are written later.
    spill = "\n".join(f"        c{i}{v}.intoArray(out, outAt + {i} * outStride + {v} * L);" for i in range(mr) for v in range(nv))
    if add:
        # A later k panel's full tile adds itself to C where it lies: out + acc, the tile store's
        # sum for alpha 1 and beta 1, so the same bits without the tile buffer's round trip. A
        # method of its own: with both spills behind a flag, C1 ran out of virtual registers on
        # the 12x2v kernel and left it interpreted-speed at tier 2 (0.5 GFLOP/s).
        spill = "\n".join(f"        c{i}{v}.add(FloatVector.fromArray(S, out, outAt + {i} * outStride + {v} * L))"
                          f".intoArray(out, outAt + {i} * outStride + {v} * L);" for i in range(mr) for v in range(nv))
    loads = "\n".join(f"            FloatVector b{v} = FloatVector.fromArray(S, b, bi" + (f" + {v} * L" if v else "") + ");" for v in range(nv))
    if indexed:
        # Only the steps listed in idx[from, to) (offsets p into the panel), in order.
        loads = loads.replace("b, bi", "b, bOff + p * bStride")
        head = f"int from, int to, int[] idx, "
        # Rows a constant KC apart (the panel SparseF32.union copies them to): the JIT merges the
        # bounds checks of a[r_i + p] into one pair per step, where with a variable stride (or one
        # array per row) it checks all twelve for an index read from idx (1.1-1.3x per step).
        sig = f"static void {name}({head}float[] a, int aOff, float[] b, int bOff, int bStride,\n{' ' * (17 + len(name))}float[] out, int outAt, int outStride)"
        pre = "\n".join(f"        final int r{i} = aOff + {i} * GemmTuning.KC;" for i in range(mr))
        loop = f'''        for (int t = from; t < to; t++) {{
            final int p = idx[t];
{loads}
            FloatVector av;
{chr(10).join(body)}
        }}'''
        return method(doc, sig, decl, pre, loop, spill)
    if arrays:
        sig = f"static void {name}(int kc, float[][] rows, int rowAt, int col, float[] b, int bOff, int bStride,\n{' ' * (17 + len(name))}float[] out, int outAt, int outStride)"
        pre = "\n".join(f"        final float[] a{i} = rows[rowAt + {i}];" for i in range(mr))
        step = ""
    elif rows_mode and kc_rows:
        # Rows a constant A_ROWS_APART apart (a copied row tile): every broadcast addresses A from
        # one base register with a constant displacement, where twelve row offsets in registers
        # cost C2 a move or an add per broadcast.
        sig = f"static void {name}(int kc, float[] a, int aOff, float[] b, int bOff, int bStride,\n{' ' * (17 + len(name))}float[] out, int outAt, int outStride)"
        pre = "\n".join(f"        final int r{i} = aOff + {i} * A_ROWS_APART;" for i in range(mr))
        step = ""
    elif rows_mode:
        sig = f"static void {name}(int kc, float[] a, int aOff, int lda, float[] b, int bOff, int bStride,\n{' ' * (17 + len(name))}float[] out, int outAt, int outStride)"
        pre = "\n".join(f"        final int r{i} = aOff + {i} * lda;" for i in range(mr))
        step = ""
    else:
        sig = f"static void {name}(int kc, float[] a, int aOff, int aStride, float[] b, int bOff, int bStride,\n{' ' * (17 + len(name))}float[] out, int outAt, int outStride)"
        pre = "        int ai = aOff;"
        step = "            ai += aStride;\n"
    if steps == 2:
        return two_steps(nv, doc, arrays, mr, decl, sig, pre, spill)
    loop = f'''        int bi = bOff;
        for (int p = 0; p < kc; p++) {{
{loads}
            FloatVector av;
{chr(10).join(body)}
{step}            bi += bStride;
        }}'''
    return method(doc, sig, decl, pre, loop, spill)
def two_steps(nv, doc, arrays, mr, decl, sig, pre, spill):
    """A row-major-A kernel that takes two steps of p per iteration (and one more step when kc is
    odd), each row's two steps back to back: the same multiply-adds in the same order per
    accumulator as one step per iteration (the same bits), with the address of A(i, p) computed
    once for both steps. C2 keeps the twelve row offsets partly in vector registers and pays a
    move and an add per broadcast; one step per iteration paid that for every multiply-add."""
    def a_at(i, d):
        return (f"a{i}[col + p" if arrays else f"a[r{i} + p") + (f" + {d}]" if d else "]")
    def steps_body(count):
        lines = []
        for d in range(count):
            for v in range(nv):
                off = " + bStride" if d else ""
                vec = f" + {v} * L" if v else ""
                lines.append(f"            FloatVector b{d}{v} = FloatVector.fromArray(S, b, bi{off}{vec});")
        lines.append("            FloatVector av;")
        for i in range(mr):
            for d in range(count):
                lines.append(f"            av = FloatVector.broadcast(S, {a_at(i, d)});")
                for v in range(nv):
                    lines.append(f"            c{i}{v} = av.fma(b{d}{v}, c{i}{v});")
        lines.append(f"            bi += {'2 * ' if count == 2 else ''}bStride;")
        return "\n".join(lines)
    loop = f'''        int bi = bOff;
        int p = 0;
        for (; p < kc - 1; p += 2) {{
{steps_body(2)}
        }}
        if (p < kc) {{
{steps_body(1)}
        }}'''
    return method(doc, sig, decl, pre, loop, spill)

def spec(*args, **kw):
    return args, kw

methods = [
 spec("tileColumns", 2, False, "/** 12 x 2 vectors; A(i, p) at {@code a[aOff + p * aStride + i]} (packed: aStride = MR; transposed A in place: lda). */"),
 spec("tileRows", 2, True, "/** 12 x 2 vectors; A(i, p) at {@code a[aOff + i * lda + p]}: row-major A read in place. */", steps=2),
 spec("tileRowsKC", 2, True, "/** 12 x 2 vectors; A(i, p) at {@code a[aOff + i * A_ROWS_APART + p]}: a copied row tile of A. */", kc_rows=True, steps=2),
 spec("tileColumns1v", 1, False, "/** 12 x 1 vector, for a last column sliver of at most L columns; A as in {@link #tileColumns}. */"),
 spec("tileRows1v", 1, True, "/** 12 x 1 vector, for a last column sliver of at most L columns; A as in {@link #tileRows}. */", steps=2),
 spec("tileRowArrays", 2, True, "/** 12 x 2 vectors; A(i, p) at {@code rows[rowAt + i][col + p]}: A given as one array per row, read in place. */", True, steps=2),
 spec("tileRowArrays1v", 1, True, "/** 12 x 1 vector, for a last column sliver of at most L columns; A as in {@link #tileRowArrays}. */", True, steps=2),
 spec("tileColumnsHalf", 2, False, "/** 6 x 2 vectors, for a last row tile of at most MRW rows (A's first 6 of the copy's 12); A as in {@link #tileColumns}. */", mr=6),
 spec("tileRowsHalf", 2, True, "/** 6 x 2 vectors, for a last row tile of at most MRW rows (A's first 6 of the copy's 12); A as in {@link #tileRows}. */", mr=6, steps=2),
 spec("tileColumns3v", 3, False, "/** 6 x 3 vectors, for a last sliver of NR + 1 .. NR + L columns; A as in {@link #tileColumns}. */", mr=6),
 spec("tileRows3v", 3, True, "/** 6 x 3 vectors, for a last sliver of NR + 1 .. NR + L columns; A as in {@link #tileRows}. */", mr=6),
 spec("tileRowArrays3v", 3, True, "/** 6 x 3 vectors, for a last sliver of NR + 1 .. NR + L columns; A as in {@link #tileRowArrays}. */", True, mr=6),
 spec("tileColumns4v", 4, False, "/** 6 x 4 vectors, for a last sliver of NR + L + 1 .. NR + 2L columns; A as in {@link #tileColumns}. */", mr=6),
 spec("tileRows4v", 4, True, "/** 6 x 4 vectors, for a last sliver of NR + L + 1 .. NR + 2L columns; A as in {@link #tileRows}. */", mr=6),
 spec("tileRowArrays4v", 4, True, "/** 6 x 4 vectors, for a last sliver of NR + L + 1 .. NR + 2L columns; A as in {@link #tileRowArrays}. */", True, mr=6),
]
def with_add(name, *args, **kw):
    """The kernel, and its twin {name}Add that adds the tile to what out holds."""
    doc = args[2]
    add_doc = f"/** {{@link #{name}}}, the tile added to the values at out (a later k panel's full tile, stored to C). */"
    if name.endswith("1v") or name.endswith("Half"):
        # A one-vector sliver is never a full tile of NR columns, nor a half tile one of MR rows,
        # so they always go through the tile store.
        return [tile(name, *args, **kw)]
    return [tile(name, *args, **kw), tile(name + "Add", args[0], args[1], add_doc, *args[3:], add=True, **kw)]
methods = [m for args, kw in methods for m in with_add(*args, **kw)]
src = open(os.path.join(HERE, "KernelF32.java.tmpl")).read().replace('@METHODS@', "\n".join(methods).rstrip() + "\n")
open(os.path.join(HERE, "..", "src", "main", "java", "dev", "vecnn", "kernels", "gemm", "KernelF32.java"),"w").write(src)

# The same tiles over a list of steps (SparseF32): the columns of A in which some row of the tile
# is nonzero.
indexed = [
 tile("tileRows", 2, True, "/** {@link KernelF32#tileRows} over the steps {@code idx[from, to)} only, A's rows KC apart from aOff. */", indexed=True),
 tile("tileRows1v", 1, True, "/** {@link KernelF32#tileRows1v} over the steps {@code idx[from, to)} only, A's rows KC apart from aOff. */", indexed=True),
]
src = open(os.path.join(HERE, "IndexedKernelF32.java.tmpl")).read().replace('@METHODS@', "\n".join(indexed).rstrip() + "\n")
open(os.path.join(HERE, "..", "src", "main", "java", "dev", "vecnn", "kernels", "gemm", "IndexedKernelF32.java"),"w").write(src)


def tail(name, vectors, spread, offsets):
    """TailKernelF32's loop for two tiles of `vectors` vectors each (A's rows at the given offsets
    from each tile's step), the rows spread by the constant shuffle `spread` (None: one row per lane)."""
    accs = [f"c{t}{v}" for t in range(2) for v in range(vectors)]
    body = []
    for t in range(2):
        for v in range(vectors):
            at = f"q{t + 1}" + (f" + {offsets[v]}" if offsets[v] != "0" else "")
            shuffle = f".rearrange({spread})" if spread else ""
            body.append(f"            c{t}{v} = FloatVector.fromArray(S, a, {at}){shuffle}.fma(b, c{t}{v});")
    # Tile t's vectors at PACKED + (3 t + v) L.
    spill = [f"        c{t}{v}.intoArray(out, PACKED" + (f" + {3 * t + v} * L" if 3 * t + v else "") + ");"
             for t in range(2) for v in range(vectors)]
    return f"""    private static void {name}(int kc, float[] a, int at1, int at2, int stride, float[] bt, float[] out) {{
        FloatVector zero = FloatVector.zero(S);
        FloatVector {", ".join(c + " = zero" for c in accs)};
        for (int p = 0; p < kc; p++) {{
            FloatVector b = FloatVector.fromArray(S, bt, p * L);
            int q1 = at1 + p * stride;
            int q2 = at2 + p * stride;
{chr(10).join(body)}
        }}
{chr(10).join(spill)}
    }}
"""

tails = [
 tail("oneVector", 1, None, ["0"]),
 tail("twoVectors", 2, None, ["0", "L"]),
 tail("twoVectorsSpread2", 2, "SPREAD2", ["0", "L / 2"]),
 tail("threeVectorsSpread2", 3, "SPREAD2", ["0", "L / 2", "L"]),
 tail("threeVectorsSpread4", 3, "SPREAD4", ["0", "L / 4", "L / 2"]),
]
src = open(os.path.join(HERE, "TailKernelF32.java.tmpl")).read().replace('@METHODS@', "\n".join(tails).rstrip() + "\n")
open(os.path.join(HERE, "..", "src", "main", "java", "dev", "vecnn", "kernels", "gemm", "TailKernelF32.java"),"w").write(src)


def tail_columns(name, cols, doc):
    """TailColumnsF32's loop for `cols` columns of four vectors of rows: the accumulators are read
    from acc (column c's at c * GROUP) and written back, so that the steps may come in parts."""
    def at(c, v):
        parts = [p for p in (f"{c} * GROUP" if c > 1 else "GROUP" if c else "", f"{v} * L" if v > 1 else "L" if v else "") if p]
        return " + ".join(parts) or "0"
    accs = [(c, v) for c in range(cols) for v in range(4)]
    load = "\n".join(f"        FloatVector c{v}{c} = FloatVector.fromArray(S, acc, {at(c, v)});" for c, v in accs)
    body = [f"            FloatVector a{v} = FloatVector.fromArray(S, a, q" + (f" + {v} * L" if v > 1 else " + L" if v else "") + ");" for v in range(4)]
    for c in range(cols):
        off = f" + {c} * bNext" if c > 1 else " + bNext" if c else ""
        body.append(f"            {'FloatVector ' if c == 0 else ''}bv = FloatVector.broadcast(S, b[bq{off}]);")
        body += [f"            c{v}{c} = a{v}.fma(bv, c{v}{c});" for v in range(4)]
    store = "\n".join(f"        c{v}{c}.intoArray(acc, {at(c, v)});" for c, v in accs)
    nl = "\n"
    return f"""    {doc}
    private static void {name}(int steps, float[] a, int at, int stride, float[] b, int bAt, int bStep, int bNext,
{' ' * (25 + len(name))}float[] acc) {{
{load}
        for (int p = 0; p < steps; p++) {{
            int q = at + p * stride;
            int bq = bAt + p * bStep;
{nl.join(body)}
        }}
{store}
    }}
"""

columns = [
 tail_columns("single", 1, "/** One column of 4L rows: its accumulators in {@code acc} are read and written back. */"),
 tail_columns("pair", 2, "/** Two columns of 4L rows, as {@link #single} (column c's accumulators at c * GROUP). */"),
 tail_columns("quad", 4, """/**
     * Four columns of 4L rows, as {@link #single}: each vector of A loaded once for four
     * multiply-adds. A's rows come from L2 at every step (a weight gradient's A is the whole
     * batch), so a pair per call loaded them twice for four columns.
     */"""),
]
src = open(os.path.join(HERE, "TailColumnsF32.java.tmpl")).read().replace('@METHODS@', "\n".join(columns))
open(os.path.join(HERE, "..", "src", "main", "java", "dev", "vecnn", "kernels", "gemm", "TailColumnsF32.java"), "w").write(src)
