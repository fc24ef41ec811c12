from py4web import action, request


# YATL escapes [[=name]] unless it is wrapped in XML().
@action("greet")
@action.uses("greet.html")
def greet():
    return {"name": request.query.get("name", "world")}
