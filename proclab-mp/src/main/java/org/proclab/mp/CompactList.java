package org.proclab.mp;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Packs the items and results of pool chunks for the trip between processes. Java serialization
 * writes a list of boxed numbers one object at a time (a class reference and a handle each), which
 * dominates the cost of mapping a small function over many numbers; a list whose elements are all
 * {@code Integer}, {@code Long}, {@code Double} or {@code String} travels as one array instead.
 * Anything else travels as it is.
 */
final class CompactList {
    private CompactList() {
    }

    /** A packed list: an {@code int[]}, {@code long[]}, {@code double[]}, {@code String[]} or a list. */
    static Serializable pack(List<?> list) {
        if (list == null || list.isEmpty()) {
            return new ArrayList<>(list == null ? List.of() : list);
        }
        Class<?> type = commonType(list);
        if (type == Integer.class) {
            int[] values = new int[list.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = (Integer) list.get(i);
            }
            return values;
        }
        if (type == Long.class) {
            long[] values = new long[list.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = (Long) list.get(i);
            }
            return values;
        }
        if (type == Double.class) {
            double[] values = new double[list.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = (Double) list.get(i);
            }
            return values;
        }
        if (type == String.class) {
            return list.toArray(new String[0]);
        }
        return new ArrayList<>(list);
    }

    /** The list a packed value stands for. */
    static <T> List<T> unpack(Object packed) {
        List<T> list = new ArrayList<>(size(packed));
        unpackInto(packed, list);
        return list;
    }

    /** The number of items in a packed value. */
    static int size(Object packed) {
        if (packed instanceof int[] values) {
            return values.length;
        }
        if (packed instanceof long[] values) {
            return values.length;
        }
        if (packed instanceof double[] values) {
            return values.length;
        }
        if (packed instanceof String[] values) {
            return values.length;
        }
        return ((List<?>) packed).size();
    }

    /** Adds the items of a packed value to {@code target}, in order, without an intermediate list. */
    @SuppressWarnings("unchecked")
    static <T> void unpackInto(Object packed, List<T> target) {
        List<Object> list = (List<Object>) target;
        if (packed instanceof int[] values) {
            for (int value : values) {
                list.add(value);
            }
        } else if (packed instanceof long[] values) {
            for (long value : values) {
                list.add(value);
            }
        } else if (packed instanceof double[] values) {
            for (double value : values) {
                list.add(value);
            }
        } else if (packed instanceof String[] values) {
            list.addAll(Arrays.asList(values));
        } else {
            list.addAll((List<Object>) packed);
        }
    }

    /** The class all elements share, or null when they differ or one is null. */
    private static Class<?> commonType(List<?> list) {
        Object first = list.get(0);
        if (first == null) {
            return null;
        }
        Class<?> type = first.getClass();
        for (Object element : list) {
            if (element == null || element.getClass() != type) {
                return null;
            }
        }
        return type;
    }
}
