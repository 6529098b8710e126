package dev.vecnn.nn.data;

/** The null check of the data readers, in the words the rest of the API uses. */
final class DataArguments {
    private DataArguments() {
    }

    static void notNull(String name, Object value) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
    }
}
