<!doctype html>
<title>Subscribe</title>
% if get("thanks"):
  <p>Thanks, {{email}} is subscribed.</p>
% else:
  <form method="post" action="/subscribe">
    <label for="email">Email</label>
    <input id="email" name="email" value="{{email}}">
    % if error:
      <p class="error">{{error}}</p>
    % end
    <button>Subscribe</button>
  </form>
% end
