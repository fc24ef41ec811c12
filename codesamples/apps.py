from django.apps import AppConfig


class CodeSamplesConfig(AppConfig):
    name = "codesamples"
    verbose_name = "Code samples and benchmarks"

    def ready(self) -> None:
        from compare_site import signals

        # An import changes what pages show: cached pages must not outlive it.
        signals.watch_app(self)
