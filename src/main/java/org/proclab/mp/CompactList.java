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
    @SuppressWarnings("unchecked")
    static <T> List<T> unpack(Object packed) {
        List<Object> list;
        if (packed instanceof int[] values) {
            list = new ArrayList<>(values.length);
            for (int value : values) {
                list.add(value);
            }
        } else if (packed instanceof long[] values) {
            list = new ArrayList<>(values.length);
            for (long value : values) {
                list.add(value);
            }
        } else if (packed instanceof double[] values) {
            list = new ArrayList<>(values.length);
            for (double value : values) {
                list.add(value);
            }
        } else if (packed instanceof String[] values) {
            list = new ArrayList<>(Arrays.asList(values));
        } else {
            list = (List<Object>) packed;
        }
        return (List<T>) list;
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
