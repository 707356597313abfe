package org.proclab.engine.exec;

import java.util.HashSet;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Rewrites the bytecode of every class a cell defines before the kernel loads it, so that the
 * kernel stays in charge of its own JVM on every JDK from 17 on:
 * <ul>
 *   <li>a call to {@link UserCodeGuard#checkStop()} at each method entry and before each backward
 *       jump, so the stop button ends {@code while (true) {}} and endless recursion without
 *       {@code Thread.stop} (gone from JDK 20 on);</li>
 *   <li>{@code System.exit}, {@code Runtime.exit} and {@code Runtime.halt} — as calls and as method
 *       references — replaced by {@link UserCodeGuard} methods that throw {@link ExitCalledError}.</li>
 * </ul>
 * It also notes code that starts virtual threads ({@link VirtualThreads#noteStartedByCells()}), which
 * a stop cannot interrupt.
 * Only the kernel's copy is rewritten: child processes get the original bytes, where
 * {@code System.exit} really ends the child.
 */
public final class SnippetInstrumenter {
    private static final String GUARD = Type.getInternalName(UserCodeGuard.class);
    private static final String SYSTEM = "java/lang/System";
    private static final String RUNTIME = "java/lang/Runtime";
    private static final String EXIT_DESCRIPTOR = "(I)V";
    private static final String RUNTIME_EXIT_DESCRIPTOR = "(Ljava/lang/Runtime;I)V";

    private SnippetInstrumenter() {
    }

    /** Returns the instrumented copy of one class file. */
    public static byte[] instrument(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                return new GuardingMethodVisitor(super.visitMethod(access, name, descriptor, signature, exceptions));
            }
        }, 0);
        return writer.toByteArray();
    }

    /** The replacement for a call of an exit method, or null when the call is not one. */
    static Handle exitReplacement(String owner, String name, String descriptor) {
        if (!EXIT_DESCRIPTOR.equals(descriptor)) {
            return null;
        }
        if (SYSTEM.equals(owner) && "exit".equals(name)) {
            return new Handle(Opcodes.H_INVOKESTATIC, GUARD, "exit", EXIT_DESCRIPTOR, false);
        }
        if (RUNTIME.equals(owner) && "exit".equals(name)) {
            return new Handle(Opcodes.H_INVOKESTATIC, GUARD, "runtimeExit", RUNTIME_EXIT_DESCRIPTOR, false);
        }
        if (RUNTIME.equals(owner) && "halt".equals(name)) {
            return new Handle(Opcodes.H_INVOKESTATIC, GUARD, "runtimeHalt", RUNTIME_EXIT_DESCRIPTOR, false);
        }
        return null;
    }

    private static final class GuardingMethodVisitor extends MethodVisitor {
        private final Set<Label> seenLabels = new HashSet<>();

        GuardingMethodVisitor(MethodVisitor target) {
            super(Opcodes.ASM9, target);
        }

        @Override
        public void visitCode() {
            super.visitCode();
            insertStopCheck();
        }

        @Override
        public void visitLabel(Label label) {
            seenLabels.add(label);
            super.visitLabel(label);
        }

        @Override
        public void visitJumpInsn(int opcode, Label label) {
            if (seenLabels.contains(label)) {
                insertStopCheck();
            }
            super.visitJumpInsn(opcode, label);
        }

        @Override
        public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
            if (anySeen(dflt, labels)) {
                insertStopCheck();
            }
            super.visitTableSwitchInsn(min, max, dflt, labels);
        }

        @Override
        public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
            if (anySeen(dflt, labels)) {
                insertStopCheck();
            }
            super.visitLookupSwitchInsn(dflt, keys, labels);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            if (VirtualThreads.isStartingCall(owner, name)) {
                VirtualThreads.noteStartedByCells();
            }
            Handle replacement = exitReplacement(owner, name, descriptor);
            if (replacement == null || (opcode != Opcodes.INVOKESTATIC && opcode != Opcodes.INVOKEVIRTUAL)) {
                super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
                return;
            }
            super.visitMethodInsn(Opcodes.INVOKESTATIC, replacement.getOwner(), replacement.getName(),
                    replacement.getDesc(), false);
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
            Object[] rewritten = arguments.clone();
            for (int i = 0; i < rewritten.length; i++) {
                if (rewritten[i] instanceof Handle handle) {
                    if (VirtualThreads.isStartingCall(handle.getOwner(), handle.getName())) {
                        VirtualThreads.noteStartedByCells();
                    }
                    Handle replacement = exitReplacement(handle.getOwner(), handle.getName(), handle.getDesc());
                    if (replacement != null) {
                        rewritten[i] = replacement;
                    }
                }
            }
            super.visitInvokeDynamicInsn(name, descriptor, bootstrap, rewritten);
        }

        private boolean anySeen(Label dflt, Label[] labels) {
            if (seenLabels.contains(dflt)) {
                return true;
            }
            for (Label label : labels) {
                if (seenLabels.contains(label)) {
                    return true;
                }
            }
            return false;
        }

        private void insertStopCheck() {
            super.visitMethodInsn(Opcodes.INVOKESTATIC, GUARD, "checkStop", "()V", false);
        }
    }
}
