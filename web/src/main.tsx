import { render } from 'preact';
import { App } from './App.js';
import { captureToken } from './review.js';
import './styles.css';

// The reviewer token `marsad serve` prints in the address (#token=…) moves to sessionStorage
// before the router reads the address.
captureToken();
render(<App />, document.getElementById('app')!);
