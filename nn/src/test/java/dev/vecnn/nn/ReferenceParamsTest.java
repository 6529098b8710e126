package dev.vecnn.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vecnn.nn.reference.LbfgsCase;
import dev.vecnn.nn.reference.ReferenceCase;
import dev.vecnn.nn.reference.ReferenceCases;
import dev.vecnn.nn.reference.SeededCase;
import dev.vecnn.nn.reference.TrajectoryCase;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The constructor arguments scikit-learn was given in every reference case are valid here too. */
class ReferenceParamsTest {

    static Stream<ReferenceCase> fitted() {
        return ReferenceCases.loadAll().stream()
                .filter(c -> c instanceof TrajectoryCase || c instanceof LbfgsCase
                        || c instanceof SeededCase);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fitted")
    void referenceParamsAreAcceptedAndReadBack(ReferenceCase c) {
        Map<String, Object> given = switch (c) {
            case TrajectoryCase t -> t.params();
            case LbfgsCase l -> l.params();
            case SeededCase s -> s.params();
            default -> throw new IllegalStateException(c.id());
        };
        Map<String, Object> shown = c.header().classifier()
                ? MLPParams.defaults().withParams(given).getParams()
                : MLPRegressorParams.defaults().withParams(given).getParams();
        for (Map.Entry<String, Object> e : given.entrySet()) {
            assertEquals(normalise(e.getValue()), normalise(shown.get(e.getKey())),
                    c.id() + ": " + e.getKey());
        }
    }

    private static Object normalise(Object v) {
        if (v instanceof List<?> list) {
            return list.stream().map(x -> ((Number) x).longValue()).toList();
        }
        if (v instanceof Integer i) {
            return i.longValue();
        }
        return v;
    }
}
