import { render } from 'preact';

render(<p>Margin</p>, document.getElementById('app')!);
