package org.proclab.engine.exec;

import java.lang.invoke.MethodHandleInfo;
import java.lang.invoke.SerializedLambda;
import java.util.HashMap;
import java.util.Map;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.proclab.mp.MpContext;
import org.proclab.mp.spawn.FailureText;

/**
 * The source names of the values a lambda captured, read from the local variable table of the
 * method the compiler generated for the lambda (present when the code was compiled with
 * {@code -g}, as the kernel compiles cells). Used to say "the lambda captures {@code local}" rather
 * than "captured value 1". The kernel hands it to {@link FailureText#capturedNames} (ProcLab's library
 * itself reads no class files, so a child JVM needs nothing beyond the JDK).
 */
public final class CapturedNames {
    private CapturedNames() {
    }

    /** The name of captured value {@code index}, or null when it cannot be known. */
    public static String of(SerializedLambda lambda, int index) {
        boolean hasReceiver = lambda.getImplMethodKind() != MethodHandleInfo.REF_invokeStatic;
        if (hasReceiver && index == 0) {
            return "this";
        }
        int slot = hasReceiver ? 1 : 0;
        Type[] parameters = Type.getArgumentTypes(lambda.getImplMethodSignature());
        int parameter = hasReceiver ? index - 1 : index;
        if (parameter >= parameters.length) {
            return null;
        }
        for (int i = 0; i < parameter; i++) {
            slot += parameters[i].getSize();
        }
        byte[] bytes = MpContext.defaultContext().settings().classSource().bytesOf(lambda.getImplClass().replace('/', '.'));
        return bytes == null ? null : localNames(bytes, lambda.getImplMethodName(), lambda.getImplMethodSignature()).get(slot);
    }

    private static Map<Integer, String> localNames(byte[] classFile, String method, String descriptor) {
        Map<Integer, String> names = new HashMap<>();
        try {
            new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public MethodVisitor visitMethod(int access, String name, String desc, String signature, String[] exceptions) {
                    if (!name.equals(method) || !desc.equals(descriptor)) {
                        return null;
                    }
                    return new MethodVisitor(Opcodes.ASM9) {
                        @Override
                        public void visitLocalVariable(String local, String type, String generic, Label start, Label end, int index) {
                            names.putIfAbsent(index, local);
                        }
                    };
                }
            }, ClassReader.SKIP_FRAMES);
        } catch (RuntimeException e) {
            return Map.of();
        }
        return names;
    }
}
