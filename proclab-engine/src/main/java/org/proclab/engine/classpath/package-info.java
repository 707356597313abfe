/**
 * What {@code %classpath}, {@code %maven} and {@code %load} need besides the magics themselves:
 * reading the paths and globs a user writes ({@link org.proclab.engine.classpath.ClassPathArguments}),
 * the entries a session added, for JShell and for child JVMs
 * ({@link org.proclab.engine.classpath.UserClassPath}), and resolving Maven artifacts with their
 * dependencies ({@link org.proclab.engine.classpath.MavenResolver}). See
 * docs/decisions/010-classpath-and-maven.md.
 */
package org.proclab.engine.classpath;
