from django import forms
from django.shortcuts import render
from django.views.decorators.http import require_POST


class SubscribeForm(forms.Form):
    email = forms.EmailField()


@require_POST
def subscribe(request):
    form = SubscribeForm(request.POST)
    if form.is_valid():
        return render(request, "subscribe.html", {"thanks": form.cleaned_data["email"]})
    return render(request, "subscribe.html", {"form": form}, status=400)
