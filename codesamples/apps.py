from django.apps import AppConfig


class CodeSamplesConfig(AppConfig):
    name = "codesamples"
    verbose_name = "Code samples and benchmarks"
