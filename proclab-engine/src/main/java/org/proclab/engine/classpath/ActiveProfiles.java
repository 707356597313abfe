package org.proclab.engine.classpath;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.maven.model.Activation;
import org.apache.maven.model.ActivationFile;
import org.apache.maven.model.ActivationOS;
import org.apache.maven.model.ActivationProperty;
import org.apache.maven.model.Profile;
import org.apache.maven.model.building.ModelProblem;
import org.apache.maven.model.path.DefaultPathTranslator;
import org.apache.maven.model.path.ProfileActivationFilePathInterpolator;
import org.apache.maven.model.profile.DefaultProfileActivationContext;
import org.apache.maven.model.profile.DefaultProfileSelector;
import org.apache.maven.model.profile.activation.FileProfileActivator;
import org.apache.maven.model.profile.activation.JdkVersionProfileActivator;
import org.apache.maven.model.profile.activation.OperatingSystemProfileActivator;
import org.apache.maven.model.profile.activation.PropertyProfileActivator;
import org.apache.maven.settings.Repository;
import org.apache.maven.settings.RepositoryPolicy;
import org.apache.maven.settings.Settings;
import org.eclipse.aether.repository.RemoteRepository;

/**
 * The repositories that the profiles of Maven's settings add, for the profiles Maven would
 * activate: those named in {@code <activeProfiles>}, those whose {@code <activation>} holds (JDK,
 * operating system, system property, file), and otherwise those active by default. Maven's own
 * profile selector decides, so the rules are Maven's, including that a profile active by default
 * stays off once another profile is active.
 */
final class ActiveProfiles {
    private ActiveProfiles() {
    }

    /**
     * The repositories of the active profiles, each id once (the first profile's wins), in the order
     * the profiles and their repositories are written.
     *
     * @throws ClassPathException when Maven cannot tell whether a profile is active (a malformed JDK range)
     */
    static List<RemoteRepository> repositories(Settings settings) throws ClassPathException {
        List<String> problems = new ArrayList<>();
        DefaultProfileSelector selector = new DefaultProfileSelector()
                .addProfileActivator(new JdkVersionProfileActivator())
                .addProfileActivator(new OperatingSystemProfileActivator())
                .addProfileActivator(new PropertyProfileActivator())
                .addProfileActivator(new FileProfileActivator().setProfileActivationFilePathInterpolator(
                        new ProfileActivationFilePathInterpolator().setPathTranslator(new DefaultPathTranslator())));
        DefaultProfileActivationContext context = new DefaultProfileActivationContext()
                .setActiveProfileIds(settings.getActiveProfiles())
                .setSystemProperties(System.getProperties());
        Set<String> active = selector.getActiveProfiles(settings.getProfiles().stream().map(ActiveProfiles::asModelProfile).toList(),
                context, request -> {
                    if (request.getSeverity() != ModelProblem.Severity.WARNING) {
                        problems.add(request.getMessage());
                    }
                }).stream().map(Profile::getId).collect(Collectors.toSet());
        if (!problems.isEmpty()) {
            throw new ClassPathException("Maven's settings: " + problems.get(0));
        }
        Map<String, RemoteRepository> repositories = new LinkedHashMap<>();
        for (org.apache.maven.settings.Profile profile : settings.getProfiles()) {
            if (active.contains(profile.getId())) {
                for (Repository repository : profile.getRepositories()) {
                    repositories.putIfAbsent(repository.getId(), asRemote(repository));
                }
            }
        }
        return new ArrayList<>(repositories.values());
    }

    /** The profile with its activation only, in the model Maven's selector reads. */
    private static Profile asModelProfile(org.apache.maven.settings.Profile profile) {
        Profile model = new Profile();
        model.setId(profile.getId());
        org.apache.maven.settings.Activation activation = profile.getActivation();
        if (activation != null) {
            Activation modelActivation = new Activation();
            modelActivation.setActiveByDefault(activation.isActiveByDefault());
            modelActivation.setJdk(activation.getJdk());
            if (activation.getOs() != null) {
                ActivationOS os = new ActivationOS();
                os.setName(activation.getOs().getName());
                os.setFamily(activation.getOs().getFamily());
                os.setArch(activation.getOs().getArch());
                os.setVersion(activation.getOs().getVersion());
                modelActivation.setOs(os);
            }
            if (activation.getProperty() != null) {
                ActivationProperty property = new ActivationProperty();
                property.setName(activation.getProperty().getName());
                property.setValue(activation.getProperty().getValue());
                modelActivation.setProperty(property);
            }
            if (activation.getFile() != null) {
                ActivationFile file = new ActivationFile();
                file.setExists(activation.getFile().getExists());
                file.setMissing(activation.getFile().getMissing());
                modelActivation.setFile(file);
            }
            model.setActivation(modelActivation);
        }
        return model;
    }

    private static RemoteRepository asRemote(Repository repository) {
        return new RemoteRepository.Builder(repository.getId(), repository.getLayout(), repository.getUrl())
                .setReleasePolicy(asPolicy(repository.getReleases()))
                .setSnapshotPolicy(asPolicy(repository.getSnapshots()))
                .build();
    }

    /** Maven's policy for one kind of version; what the settings leave out keeps the resolver's default. */
    private static org.eclipse.aether.repository.RepositoryPolicy asPolicy(RepositoryPolicy policy) {
        org.eclipse.aether.repository.RepositoryPolicy defaults = new org.eclipse.aether.repository.RepositoryPolicy();
        if (policy == null) {
            return defaults;
        }
        return new org.eclipse.aether.repository.RepositoryPolicy(policy.isEnabled(),
                policy.getUpdatePolicy() == null ? defaults.getUpdatePolicy() : policy.getUpdatePolicy(),
                policy.getChecksumPolicy() == null ? defaults.getChecksumPolicy() : policy.getChecksumPolicy());
    }
}
