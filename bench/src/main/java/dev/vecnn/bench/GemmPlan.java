package dev.vecnn.bench;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which forks the side-by-side GEMM table runs, and why some combinations are left out.
 *
 * <p>By default: square NN products from 64 to 2048, and the six products of one training step of
 * a 784-100-50-10 MLP at batch 200 (forward NN, weight gradients TN, back-propagated delta NT);
 * f32 and f64; every implementation at one thread, and the two threaded ones (vecnn, OpenBLAS) also
 * at two. Parameters given on the command line replace the default list of that parameter; the
 * rules below still apply.
 */
final class GemmPlan {
    static final List<Integer> SQUARE_SIZES = List.of(64, 128, 256, 512, 1024, 2048);
    static final List<Workload> MLP = List.of(
            new Workload(new GemmShape(200, 100, 784), Trans.NN),
            new Workload(new GemmShape(200, 50, 100), Trans.NN),
            new Workload(new GemmShape(200, 10, 50), Trans.NN),
            new Workload(new GemmShape(784, 100, 200), Trans.TN),
            new Workload(new GemmShape(100, 50, 200), Trans.TN),
            new Workload(new GemmShape(200, 100, 50), Trans.NT));
    static final List<Integer> THREADS = List.of(1, 2);
    /** Quick runs leave out square sizes from here on: their setup check alone takes seconds. */
    static final int QUICK_SQUARE_LIMIT = 1024;
    /** 1024^3: from here one naive product takes over a second, so its iterations dwarf the rest. */
    static final long NAIVE_LIMIT = 1L << 30;
    /** 2048^3: one EJML product takes several seconds here; 1024 already places it. */
    static final long EJML_LIMIT = 1L << 33;

    final List<BenchCase> cases;
    /** Why combinations were left out, each reason once, in the order met. */
    final List<String> notes;

    private GemmPlan(List<BenchCase> cases, List<String> notes) {
        this.cases = List.copyOf(cases);
        this.notes = List.copyOf(notes);
    }

    /** The values the user narrowed the run to; an empty Optional keeps the default list. */
    record Selection(Optional<List<Peer>> peers, Optional<List<GemmShape>> shapes, Optional<List<Trans>> trans,
                     Optional<List<Precision>> precisions, Optional<List<Integer>> threads) {
        static Selection defaults() {
            return new Selection(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty());
        }
    }

    /** The plan where openblas-cpu, when selected, runs wherever openblas does. */
    static GemmPlan of(Selection selection, boolean quick, Optional<String> openBlasMissing) {
        return of(selection, quick, openBlasMissing, Optional.empty());
    }

    /**
     * The plan for the selection. {@code openBlasMissing}: why OpenBLAS cannot run, if so;
     * {@code openBlasCpuLeftOut}: why openblas-cpu adds nothing here (see
     * {@link OpenBlasKernelSet#redundancy}), if so.
     */
    static GemmPlan of(Selection selection, boolean quick, Optional<String> openBlasMissing,
                       Optional<String> openBlasCpuLeftOut) {
        Set<String> notes = new LinkedHashSet<>();
        List<Workload> workloads = workloads(selection, quick, notes);
        List<BenchCase> cases = new ArrayList<>();
        for (Workload workload : workloads) {
            for (int threads : selection.threads().orElse(THREADS)) {
                for (Precision precision : selection.precisions().orElse(List.of(Precision.values()))) {
                    for (Peer peer : selection.peers().orElse(List.of(Peer.values()))) {
                        String reason = leftOut(peer, workload.shape(), threads, openBlasMissing, openBlasCpuLeftOut);
                        if (reason == null) {
                            cases.add(new BenchCase(peer, workload, precision, threads));
                        } else {
                            notes.add(reason);
                        }
                    }
                }
            }
        }
        return new GemmPlan(cases, new ArrayList<>(notes));
    }

    /** Why this combination is not run, or null when it is. */
    static String leftOut(Peer peer, GemmShape shape, int threads, Optional<String> openBlasMissing,
                          Optional<String> openBlasCpuLeftOut) {
        if (threads != 1 && !peer.multiThreaded) {
            return "netlib, ejml and naive are single-threaded: run at threads = 1 only.";
        }
        if (peer == Peer.OPENBLAS && openBlasMissing.isPresent()) {
            return "openblas skipped: " + openBlasMissing.get();
        }
        if (peer == Peer.OPENBLAS_CPU && openBlasMissing.isPresent()) {
            return "openblas-cpu skipped: " + openBlasMissing.get();
        }
        if (peer == Peer.OPENBLAS_CPU && openBlasCpuLeftOut.isPresent()) {
            return openBlasCpuLeftOut.get();
        }
        if (peer == Peer.NAIVE && shape.multiplyAdds() >= NAIVE_LIMIT) {
            return "naive skipped from 1024^3 multiply-adds on: one product takes seconds; 512 already places it.";
        }
        if (peer == Peer.EJML && shape.multiplyAdds() >= EJML_LIMIT) {
            return "ejml skipped from 2048^3 multiply-adds on: one product takes seconds; 1024 already places it.";
        }
        return null;
    }

    private static List<Workload> workloads(Selection selection, boolean quick, Set<String> notes) {
        List<Workload> defaults = new ArrayList<>();
        for (int size : SQUARE_SIZES) {
            if (quick && selection.shapes().isEmpty() && size >= QUICK_SQUARE_LIMIT) {
                notes.add("quick: square sizes from " + QUICK_SQUARE_LIMIT + " on left out.");
                continue;
            }
            defaults.add(new Workload(new GemmShape(size, size, size), Trans.NN));
        }
        defaults.addAll(MLP);
        List<Workload> chosen = new ArrayList<>();
        if (selection.shapes().isPresent()) {
            // A listed shape keeps its default transposes if it has any, else it is NN.
            for (GemmShape shape : selection.shapes().get()) {
                List<Workload> known = defaults.stream().filter(w -> w.shape().equals(shape)).toList();
                chosen.addAll(known.isEmpty() ? List.of(new Workload(shape, Trans.NN)) : known);
            }
        } else {
            chosen.addAll(defaults);
        }
        if (selection.trans().isPresent()) {
            // Listed transposes replace those of every shape.
            Set<Workload> crossed = new LinkedHashSet<>();
            for (Workload w : chosen) {
                for (Trans t : selection.trans().get()) {
                    crossed.add(new Workload(w.shape(), t));
                }
            }
            return new ArrayList<>(crossed);
        }
        return chosen.stream().distinct().toList();
    }
}
